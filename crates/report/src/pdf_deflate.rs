//! Page streams compressed with deflate (zlib), by each thread that draws pages.

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};

/// How hard page streams are compressed: the fast end of deflate keeps a year's book
/// quick to write and still shrinks the text several times.
const LEVEL: u8 = 1;

/// Deflate (zlib) with one compressor for every stream: setting one up clears tens of
/// kilobytes of tables, which per page would cost a year's book more than compressing.
pub struct Deflater {
    compressor: Box<CompressorOxide>,
}

impl Deflater {
    /// The fast end of deflate (`LEVEL`).
    pub fn fast() -> Deflater {
        let flags = create_comp_flags_from_zip_params(LEVEL.into(), 1, 0);
        Deflater { compressor: Box::new(CompressorOxide::new(flags)) }
    }

    /// `input` compressed into `out`, which ends as long as what was written.
    pub fn pack(&mut self, mut input: &[u8], out: &mut Vec<u8>) {
        self.compressor.reset();
        // What `out` held is overwritten, never read.
        let want = (input.len() / 2).max(64);
        if out.len() < want {
            out.resize(want, 0);
        }
        let mut at = 0;
        loop {
            let (status, read, written) = compress(&mut self.compressor, input, &mut out[at..], TDEFLFlush::Finish);
            at += written;
            match status {
                TDEFLStatus::Done => break,
                TDEFLStatus::Okay if read <= input.len() => {
                    input = &input[read..];
                    if out.len() - at < 64 {
                        let grown = out.len() * 2;
                        out.resize(grown, 0);
                    }
                }
                // miniz reports nothing else for a well-formed call; an empty stream is
                // still a valid (if wrong) page rather than a crash.
                _ => break,
            }
        }
        out.truncate(at);
    }
}
