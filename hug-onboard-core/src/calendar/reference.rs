//! The check against an independent holiday list, and what it found.
//!
//! This module has no code: it is the record of the comparison (the file
//! `src/calendar/REFERENCE.md`, shown here).
#![doc = include_str!("REFERENCE.md")]
