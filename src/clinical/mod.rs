//! Clinical calculators and units: pure functions with published definitions
//! (see ../shared/reference/clinical-instruments.md). Each is tested against
//! ../shared/reference/test-vectors.json.

pub mod dates;
pub mod decimal;
pub mod egfr;
pub mod eular_acr;
pub mod sledai;
pub mod units;

#[cfg(test)]
pub(crate) mod test_vectors;
