//! Images under `content/assets/`, read for embedding as `data:` URIs.
//!
//! A path may not leave the assets folder: no `..`, no absolute paths, no
//! symlinks pointing out. A report must never publish a file by accident.

use std::path::{Component, Path};

/// The media type for an image file name, if it is one we embed.
pub fn mime(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// Reads `rel` (relative to `content/assets/` of `root`). Errors are a
/// message and a hint.
pub fn read(root: &Path, rel: &str) -> Result<(&'static str, Vec<u8>), (String, String)> {
    let rel_path = Path::new(rel);
    if rel.is_empty()
        || rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err((
            format!("asset path `{rel}` leaves content/assets/"),
            "give a path inside content/assets/, e.g. framework.svg or charts/a.png".into(),
        ));
    }
    let mime = mime(rel_path).ok_or_else(|| {
        (
            format!("`{rel}` is not an image we can embed"),
            "use an .svg, .png, .jpg, .gif or .webp file".to_string(),
        )
    })?;
    let base = root.join("content/assets");
    let path = base.join(rel_path);
    let not_found = |e: std::io::Error| {
        (
            format!("cannot read asset content/assets/{rel}: {e}"),
            "check the file name; paths are relative to content/assets/".to_string(),
        )
    };
    let real = path.canonicalize().map_err(not_found)?;
    let real_base = base.canonicalize().map_err(not_found)?;
    if !real.starts_with(&real_base) {
        return Err((
            format!("asset `{rel}` points outside content/assets/"),
            "copy the file into content/assets/ instead of linking to it".into(),
        ));
    }
    // The assets folder itself, or `content/`, may be a link out of the
    // project: the file must be inside the project as well.
    let shown = Path::new("content/assets").join(rel_path);
    let bytes = super::read_bytes_limited(root, &shown, super::MAX_FILE_BYTES).map_err(|d| {
        let help = d.help.unwrap_or_default();
        (d.message, help)
    })?;
    Ok((mime, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        for bad in ["../secret.png", "/etc/passwd.png", "a/../../b.svg", ""] {
            let e = read(Path::new("/nonexistent"), bad).unwrap_err();
            assert!(e.0.contains("leaves content/assets/"), "{bad}: {}", e.0);
        }
        assert!(read(Path::new("/nonexistent"), "x.exe")
            .unwrap_err()
            .0
            .contains("not an image"));
    }
}
