//! The common case does not allocate: normalizing text that is already
//! normal borrows it, `is_normalized` never allocates, and tokenizing never
//! allocates. Checked with a counting allocator, which is why this is a test
//! binary of its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use vitext::{NormalizeConfig, Normalizer, TonePlacement, tokens};

struct Counting;

thread_local! {
    // Per thread, so that tests running in parallel do not count each other.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is only read by the test.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the slot may be gone while a thread shuts down.
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn normal_text_is_borrowed_without_allocating() {
    let text = "Sáng 10.1, Ban Chấp hành Đảng bộ khóa XIV tổ chức hội nghị; \
                tỷ lệ đạt 98,4% — “Tiếng Việt” ở Thanh Hóa, Khánh Hòa. 😀 中文";
    for placement in [TonePlacement::Keep, TonePlacement::Traditional] {
        let config = NormalizeConfig::new().tone(placement);
        // The fast path's automaton is built on first use; that one-time
        // cost is not per text.
        assert!(Normalizer::new(config).is_normalized(""));
        let n = allocations_during(|| {
            assert!(Normalizer::new(config).normalize(text).is_unchanged());
        });
        assert_eq!(n, 0, "{placement:?}");
    }
}

#[test]
fn is_normalized_never_allocates() {
    let config = NormalizeConfig::new().tone(TonePlacement::Modern);
    // Built on first use, as above.
    assert!(Normalizer::new(config).is_normalized(""));
    for text in [
        "Ðảm baỏ chất lựơng hòa bình",
        "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t",
        "Mu\u{308}ller \u{212b} \u{37e}",
        "ba\u{200b}ì\u{a0}",
    ] {
        let n = allocations_during(|| {
            assert!(!Normalizer::new(config).is_normalized(text), "{text:?}");
        });
        assert_eq!(n, 0, "{text:?}");
    }
}

#[test]
fn tokenizing_never_allocates() {
    let text = "Theo Kết luận số 01-KL/TW ngày 18.5.2021, TP.HCM đạt 98,4% (19.176 chiếc) \
                lúc 14h40; xem https://example.vn, GS.TS Lê A. v.v... hòa-bình COVID-19 \
                Ngu\u{303}yê\u{301}n 😀 中文 #tin @ban a@b.vn";
    // The tables are built on first use; that one-time cost is not per token.
    let warm = tokens(text).count();
    let n = allocations_during(|| {
        assert_eq!(tokens(text).count(), warm);
    });
    assert_eq!(n, 0);
}
