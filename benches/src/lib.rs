//! criterion benches for hug-onboard live in `benches/`; this library is empty.
