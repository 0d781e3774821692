//! The underlay: a scanned plan (PNG, JPEG or the first page of a PDF) drawn under
//! the plan to trace over, and where it lies in plan coordinates. The core only
//! reads, checks and keeps it (the page draws it; the image's bytes live in the
//! browser's IndexedDB, keyed by `sha256`). See docs/scenario-format.md.

use serde::{Deserialize, Serialize};

/// The image's content types the page can draw.
pub const UNDERLAY_TYPES: [&str; 3] = ["image/png", "image/jpeg", "application/pdf"];

/// The largest underlay file the page accepts, in bytes (25 MB; docs/web-app.md
/// gives the reason: what IndexedDB and canvas decoding handle reliably).
pub const MAX_UNDERLAY_BYTES: u64 = 25_000_000;

/// An image placed under the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Underlay {
    pub image: UnderlayImage,
    /// The plan point (metres) where the image's top-left corner lies.
    pub position: [f64; 2],
    /// The image's x axis (its top edge, left to right) from the plan's +x axis,
    /// degrees counter-clockwise.
    pub rotation_deg: f64,
    /// Metres per image unit: a pixel of a PNG or JPEG, a point (1/72 in) of a
    /// PDF page.
    pub scale: f64,
    /// 0 (invisible) to 1 (opaque).
    pub opacity: f64,
    /// A locked underlay cannot be moved, turned or calibrated.
    pub locked: bool,
}

/// Which file the underlay shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnderlayImage {
    /// The file's name, as the user had it (shown, never used as a path).
    pub name: String,
    /// One of [`UNDERLAY_TYPES`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The file's size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// The image's size in image units (see [`Underlay::scale`]).
    pub width: f64,
    pub height: f64,
}
