//! `vitext normalize` and `vitext fold`.

use vitext::{FoldMode, Normalizer, fold};

use crate::lines::LineCommand;
use crate::record::{Record, Sink, string};

/// `vitext normalize`: each line repaired; with `--jsonl`, the record's
/// `text` replaced by its repaired form.
pub struct Normalize {
    pub normalizer: Normalizer,
}

impl LineCommand for Normalize {
    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        out.extend_from_slice(self.normalizer.normalize(line).as_str().as_bytes());
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        let normalized = self.normalizer.normalize(text);
        record.write(&["text"], out, |_, out| string(out, normalized.as_str()));
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Normalize {
            normalizer: self.normalizer,
        }))
    }
}

/// `vitext fold`: each line without diacritics; with `--jsonl`, the
/// record's `text` replaced by its folded form.
pub struct Fold {
    pub mode: FoldMode,
}

impl LineCommand for Fold {
    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        out.extend_from_slice(fold(line, self.mode).as_bytes());
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        let folded = fold(text, self.mode);
        record.write(&["text"], out, |_, out| string(out, &folded));
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Fold { mode: self.mode }))
    }
}
