//! EASI, Sandia's Estimate of Adversary Sequence Interruption (Garcia, *Design
//! and Evaluation of Physical Protection Systems*): the probability that the
//! response force interrupts an adversary on a path before the theft is done.
//!
//! Along a path of timed tasks with detection opportunities, in order,
//!
//! P(I) = P_C × Σ_i P_D,i · Π_{j<i} (1 − P_D,j) · Φ((T_i − μ_R) / √(V_i + σ_R²))
//!
//! where T_i and V_i are the mean and variance of the adversary's time still
//! needed after detection i, μ_R and σ_R² the response force's time, and Φ the
//! standard normal distribution function: the last factor is the probability
//! that the response arrives before the adversary finishes (R < T). The sign
//! matters: more time left after detection must raise P(I).

use serde::Serialize;

/// One detection opportunity on a path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// Probability of detection (0..1).
    pub p: f64,
    /// Mean time the adversary still needs after this point, s.
    pub remaining_mean_s: f64,
    /// Variance of that time, s².
    pub remaining_var_s2: f64,
}

/// The response force, as EASI needs it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ResponseForce {
    pub mean_s: f64,
    pub sd_s: f64,
    pub p_communication: f64,
}

/// One detection's share of P(I).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Term {
    /// Probability that this is the first detection.
    pub p_first: f64,
    /// Probability that the response arrives in time after it.
    pub p_in_time: f64,
}

/// P(I) and its terms, in path order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Interruption {
    pub p_interruption: f64,
    pub terms: Vec<Term>,
    /// Probability that nothing on the path detects the adversary.
    pub p_undetected: f64,
}

/// The standard normal distribution function.
pub fn phi(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// Probability that the response (mean `mean`, variance `var_r`) arrives before
/// the adversary's remaining time (mean `t`, variance `var_t`) runs out.
pub fn in_time(t: f64, var_t: f64, response: &ResponseForce) -> f64 {
    let spread = (var_t + response.sd_s * response.sd_s).sqrt();
    if spread == 0.0 {
        // Both exact: in time only when strictly earlier; a tie counts half.
        return match t.total_cmp(&response.mean_s) {
            std::cmp::Ordering::Greater => 1.0,
            std::cmp::Ordering::Equal => 0.5,
            std::cmp::Ordering::Less => 0.0,
        };
    }
    phi((t - response.mean_s) / spread)
}

/// The probability of interruption of a path's detections, in path order.
///
/// # Validity
/// Probabilities must lie in 0..1, times and variances be finite and not
/// negative (the scenario's validation ensures it). Detections are taken as
/// independent, as EASI does.
pub fn interruption(detections: &[Detection], response: &ResponseForce) -> Interruption {
    let mut none_yet = 1.0;
    let mut sum = 0.0;
    let mut terms = Vec::with_capacity(detections.len());
    for d in detections {
        let p_first = d.p * none_yet;
        let p_in_time = in_time(d.remaining_mean_s, d.remaining_var_s2, response);
        sum += p_first * p_in_time;
        terms.push(Term { p_first, p_in_time });
        none_yet *= 1.0 - d.p;
    }
    Interruption {
        p_interruption: response.p_communication * sum,
        terms,
        p_undetected: none_yet,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phi_matches_tabulated_values() {
        // Standard normal table values.
        for (x, want) in [
            (0.0, 0.5),
            (1.0, 0.841_344_746_068_542_9),
            (-1.0, 0.158_655_253_931_457_05),
            (1.96, 0.975_002_104_851_780_1),
            (-3.0, 0.001_349_898_031_630_094_6),
        ] {
            assert!((phi(x) - want).abs() < 1e-15, "phi({x}) = {}", phi(x));
        }
    }

    #[test]
    fn more_time_after_detection_raises_the_probability() {
        let r = ResponseForce {
            mean_s: 100.0,
            sd_s: 30.0,
            p_communication: 1.0,
        };
        let at = |t: f64| {
            interruption(
                &[Detection {
                    p: 1.0,
                    remaining_mean_s: t,
                    remaining_var_s2: 0.0,
                }],
                &r,
            )
            .p_interruption
        };
        assert!(at(50.0) < at(100.0) && at(100.0) < at(200.0));
        assert_eq!(at(100.0), 0.5);
    }
}
