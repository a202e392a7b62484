//! `vitext normalize` and `vitext fold`.

use std::io::{self, Write};

use serde_json::{Map, Value};
use vitext::{FoldMode, NormalizeConfig, TonePlacement, fold, normalize};

use crate::input::{LineCommand, Options};

/// `vitext normalize [--tone keep|traditional|modern]`.
pub struct Normalize {
    config: NormalizeConfig,
}

impl Normalize {
    pub fn from_options(options: &Options) -> Result<Normalize, String> {
        let tone = match options.get("tone").unwrap_or("keep") {
            "keep" => TonePlacement::Keep,
            // Named by rule, not "old"/"new": tools use those both ways.
            "traditional" => TonePlacement::Traditional,
            "modern" => TonePlacement::Modern,
            other => {
                return Err(format!(
                    "--tone must be keep, traditional or modern, not {other:?}"
                ));
            }
        };
        Ok(Normalize {
            config: NormalizeConfig::new().tone(tone),
        })
    }
}

impl LineCommand for Normalize {
    fn option_names(&self) -> &'static [&'static str] {
        &["tone"]
    }

    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(normalize(line, &self.config).as_str().as_bytes())?;
        out.write_all(b"\n")
    }

    fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
        let normalized = normalize(text, &self.config);
        record.insert("text".into(), Value::String(normalized.as_str().into()));
    }
}

/// `vitext fold [--mode full|tones]`.
pub struct Fold {
    mode: FoldMode,
}

impl Fold {
    pub fn from_options(options: &Options) -> Result<Fold, String> {
        let mode = match options.get("mode").unwrap_or("full") {
            "full" => FoldMode::Full,
            "tones" => FoldMode::TonesOnly,
            other => return Err(format!("--mode must be full or tones, not {other:?}")),
        };
        Ok(Fold { mode })
    }
}

impl LineCommand for Fold {
    fn option_names(&self) -> &'static [&'static str] {
        &["mode"]
    }

    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(fold(line, self.mode).as_bytes())?;
        out.write_all(b"\n")
    }

    fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
        record.insert("text".into(), Value::String(fold(text, self.mode).into()));
    }
}
