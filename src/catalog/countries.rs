//! Countries by ISO 3166-1 alpha-2 code: how a registry's country names
//! become the codes trial files carry. People read the names from the
//! locales (`country-VN`); the English names here are the fallback for a
//! site's own catalog with a country the locales do not name.

/// (code, the name ClinicalTrials.gov gives it).
const COUNTRIES: &[(&str, &str)] = &[
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("BE", "Belgium"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("CN", "China"),
    ("DE", "Germany"),
    ("DK", "Denmark"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("HK", "Hong Kong"),
    ("IL", "Israel"),
    ("IN", "India"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("KR", "Korea, Republic of"),
    ("MY", "Malaysia"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("TH", "Thailand"),
    ("TW", "Taiwan"),
    ("US", "United States"),
    ("VN", "Vietnam"),
];

/// The code of a country as a registry names it ("Viet Nam" and "Vietnam" alike).
pub fn code_of(name: &str) -> Option<&'static str> {
    let wanted = name.trim().to_lowercase().replace(' ', "");
    COUNTRIES.iter().find(|(_, n)| n.to_lowercase().replace(' ', "") == wanted).map(|(c, _)| *c)
}

/// The English name of a code, for a country the locales do not name.
pub fn english_name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Two capital letters: the shape of an ISO 3166 code, nothing else.
pub fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names_become_codes_and_back() {
        assert_eq!(code_of("Viet Nam"), Some("VN"));
        assert_eq!(code_of("United States"), Some("US"));
        assert_eq!(code_of("Atlantis"), None);
        assert_eq!(english_name("TH"), Some("Thailand"));
    }
}
