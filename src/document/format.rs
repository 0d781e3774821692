//! Numbers as a report prints them: grouped thousands, units, currencies.

/// `x` with `decimals` decimals and thousands grouped by commas: `12,345.6`.
pub fn grouped(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    // No "-0.0": a value that rounds to zero has no sign.
    let rounds_to_zero = out.chars().all(|c| matches!(c, '0' | '.' | ','));
    if x < 0.0 && !rounds_to_zero {
        out.insert(0, '−');
    }
    out
}

/// An area: `1,401.4 m²`.
pub fn area(m2: f64) -> String {
    format!("{} m²", grouped(m2, 1))
}

/// A share 0..1 as a percentage with one decimal: `62.8 %`. Never rounds a
/// share short of 1 up to `100.0 %`, nor a share above 0 down to `0.0 %`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    let shown = if p < 100.0 && p > 99.95 {
        99.9
    } else if p > 0.0 && p < 0.05 {
        0.1
    } else {
        p
    };
    let prefix = if p > 0.0 && p < 0.05 { "< " } else { "" };
    format!("{prefix}{:.1} %", shown)
}

/// A signed change in percentage points: `+3.2 pts`.
pub fn points(delta_share: f64) -> String {
    let p = delta_share * 100.0;
    if p.abs() < 0.05 {
        "±0.0 pts".to_string()
    } else {
        format!("{}{:.1} pts", if p > 0.0 { "+" } else { "−" }, p.abs())
    }
}

/// An amount of money in `currency` (a label such as `EUR`), whole units:
/// `€3,480`, `$1,200`, `£900`, `1,500 CHF`.
pub fn money(amount: f64, currency: &str) -> String {
    let n = grouped(amount, 0);
    match currency {
        "EUR" => format!("€{n}"),
        "USD" => format!("${n}"),
        "GBP" => format!("£{n}"),
        other => format!("{n} {other}"),
    }
}

/// A signed change of money: `+€1,200`.
pub fn money_delta(delta: f64, currency: &str) -> String {
    if delta.abs() < 0.5 {
        return money(0.0, currency);
    }
    let sign = if delta > 0.0 { "+" } else { "−" };
    format!("{sign}{}", money(delta.abs(), currency))
}

/// A length in metres with one decimal: `4.2 m`.
pub fn metres(m: f64) -> String {
    format!("{} m", grouped(m, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(1234567.891, 2), "1,234,567.89");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(1000.0, 0), "1,000");
        assert_eq!(grouped(-1500.0, 0), "−1,500");
        assert_eq!(grouped(-0.01, 1), "0.0");
        assert_eq!(grouped(0.0, 1), "0.0");
    }

    #[test]
    fn percentages_never_claim_all_or_nothing_wrongly() {
        assert_eq!(percent(0.628), "62.8 %");
        assert_eq!(percent(1.0), "100.0 %");
        assert_eq!(percent(0.99996), "99.9 %");
        assert_eq!(percent(0.0), "0.0 %");
        assert_eq!(percent(0.0001), "< 0.1 %");
    }

    #[test]
    fn money_uses_the_currency_symbol_when_known() {
        assert_eq!(money(3480.0, "EUR"), "€3,480");
        assert_eq!(money(1200.4, "USD"), "$1,200");
        assert_eq!(money(1500.0, "CHF"), "1,500 CHF");
        assert_eq!(money_delta(-250.0, "GBP"), "−£250");
        assert_eq!(money_delta(0.2, "EUR"), "€0");
        assert_eq!(points(0.032), "+3.2 pts");
        assert_eq!(points(-0.0001), "±0.0 pts");
    }
}
