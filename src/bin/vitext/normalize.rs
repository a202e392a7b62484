//! `vitext normalize` and `vitext fold`.

use vitext::{FoldMode, NormalizeConfig, fold, normalize};

use crate::lines::LineCommand;
use crate::record::{Fields, string};

/// `vitext normalize`: each line repaired; with `--jsonl`, the record's
/// `text` replaced by its repaired form.
pub struct Normalize {
    pub config: NormalizeConfig,
}

impl LineCommand for Normalize {
    fn text(&mut self, line: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(normalize(line, &self.config).as_str().as_bytes());
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, fields: &mut Fields) {
        let normalized = normalize(text, &self.config);
        fields.set("text", |out| string(out, normalized.as_str()));
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Normalize {
            config: self.config,
        }))
    }
}

/// `vitext fold`: each line without diacritics; with `--jsonl`, the
/// record's `text` replaced by its folded form.
pub struct Fold {
    pub mode: FoldMode,
}

impl LineCommand for Fold {
    fn text(&mut self, line: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(fold(line, self.mode).as_bytes());
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, fields: &mut Fields) {
        fields.set("text", |out| string(out, &fold(text, self.mode)));
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Fold { mode: self.mode }))
    }
}
