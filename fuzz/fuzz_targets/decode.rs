//! Every legacy encoding, strict and lossy, on bytes and on mojibake text:
//! no panic, lossy never fails and agrees with strict where strict succeeds,
//! and an error's offset lies inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitext::Encoding;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for encoding in Encoding::ALL {
        let lossy = encoding.decode_lossy(data);
        match encoding.decode(data) {
            Ok(strict) => assert_eq!(strict, lossy),
            Err(e) => assert!(e.offset() <= data.len()),
        }
        let repaired = encoding.repair_lossy(&text);
        match encoding.repair(&text) {
            Ok(strict) => assert_eq!(strict, repaired),
            Err(e) => assert!(e.offset() <= text.len()),
        }
        // What decodes encodes back to bytes that decode the same.
        if let Ok(bytes) = encoding.encode(&lossy) {
            assert_eq!(encoding.decode_lossy(&bytes), lossy, "{encoding:?}");
        }
        let _ = encoding.encode_lossy(&text);
    }
});
