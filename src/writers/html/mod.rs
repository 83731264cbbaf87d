//! The HTML writer: the only code that writes HTML tags for a report.
