//! Problems found in a scenario: where, what, and how bad.

use std::fmt;

/// How bad a problem is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Repaired or ignored; the scenario still loads.
    Warning,
    /// The scenario cannot be used until this is fixed.
    Error,
}

/// One problem, at a place in the file such as `cameras[3].position`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub severity: Severity,
    /// A JSON path into the scenario (`plan.walls[7].path[2]`), or empty for the
    /// whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.path.is_empty() {
            write!(f, "{label}: {}", self.message)
        } else {
            write!(f, "{label}: {}: {}", self.path, self.message)
        }
    }
}

/// Every problem found while reading and checking a scenario, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problems {
    pub list: Vec<Problem>,
}

impl Problems {
    /// Records an error at `path`.
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, path.into(), message.into());
    }

    /// Records a warning at `path`.
    pub fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, path.into(), message.into());
    }

    fn push(&mut self, severity: Severity, path: String, message: String) {
        self.list.push(Problem {
            severity,
            path,
            message,
        });
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|p| p.severity == Severity::Error)
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.severity == Severity::Warning)
    }
}

/// A scenario that cannot be used, with every problem found (errors and warnings).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InvalidScenario {
    pub problems: Problems,
}

impl fmt::Display for InvalidScenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<&Problem> = self.problems.errors().collect();
        match errors.len() {
            1 => write!(f, "invalid scenario: ")?,
            n => write!(f, "invalid scenario ({n} errors): ")?,
        }
        for (i, problem) in errors.iter().enumerate() {
            if i > 0 {
                write!(f, "; ")?;
            }
            if problem.path.is_empty() {
                write!(f, "{}", problem.message)?;
            } else {
                write!(f, "{}: {}", problem.path, problem.message)?;
            }
        }
        Ok(())
    }
}
