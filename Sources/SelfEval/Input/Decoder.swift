import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings selfeval recognises.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    case utf8Repaired = "UTF-8 (repaired)"
}

/// Damage the decoder repaired instead of giving up: stray NUL bytes removed, invalid UTF-8
/// bytes replaced (a file cut in the middle of a character).
public struct DecodeRepair: Sendable, Equatable {
    public var removedNULs = 0
    public var replacedBytes = 0
    /// Byte offset (in the original file) of the first repair.
    public var firstOffset: Int?

    public var isEmpty: Bool { removedNULs == 0 && replacedBytes == 0 }
}

/// Why a file's bytes could not become text.
public enum DecodeFailure: Error, Sendable, Equatable {
    case empty
    case binary(offset: Int)
    case undecodable(offset: Int)
    case tooLarge(bytes: Int, limit: Int)
    /// A document or an archive (PDF, Excel, Word, …), told by its first bytes.
    case document(DocumentKind)

    public var message: Message {
        switch self {
        case .document(let kind):
            let hint = kind.hint
            return Message(en: "the file is \(kind.rawValue), not text: selfeval reads the text of the forms; \(hint.en)",
                           zh: "文件是\(kind.chineseName.utf8.first! < 0x80 ? " " : "")\(kind.chineseName)，不是文本：selfeval 读取自评表的文本；\(hint.zh)")
        case .empty:
            return Message(en: "the file is empty: there is no form to check", zh: "文件为空：没有可检查的自评表")
        case .binary(let offset):
            return Message(en: "the file looks binary (NUL byte at offset \(offset)); give selfeval the text of the forms",
                           zh: "文件像是二进制文件（偏移 \(offset) 处有 NUL 字节）；请提供自评表的文本")
        case .undecodable(let offset):
            return Message(en: "the bytes are not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset \(offset)); re-save the file as UTF-8",
                           zh: "文件不是有效的 UTF-8、UTF-16 或 GB18030 编码（偏移 \(offset) 处首个错误字节）；请另存为 UTF-8")
        case .tooLarge(let bytes, let limit):
            return Message(en: "the file is \(bytes) bytes, over the limit of \(limit); split it or raise --max-file-size",
                           zh: "文件大小 \(bytes) 字节，超过上限 \(limit)；请拆分文件或提高 --max-file-size")
        }
    }
}

/// Turns a file's bytes into UTF-8 text, detecting the encoding.
public enum Decoder {
    /// Decodes bytes; the result is always valid UTF-8 without a BOM.
    public static func decode(_ bytes: [UInt8]) -> Result<(text: [UInt8], encoding: TextEncoding), DecodeFailure> {
        decodeRepairing(bytes).map { ($0.text, $0.encoding) }
    }

    /// Decodes, repairing small damage: a few NUL bytes in text are removed, a few invalid
    /// UTF-8 bytes (a file cut mid-character) are replaced with U+FFFD. Both are reported.
    public static func decodeRepairing(_ original: [UInt8]) -> Result<(text: [UInt8], encoding: TextEncoding, repair: DecodeRepair), DecodeFailure> {
        if let kind = DocumentKind.recognise(original) { return .failure(.document(kind)) }
        var bytes = original
        var repair = DecodeRepair()
        let isUTF16 = original.count >= 2 && ((original[0] == 0xFF && original[1] == 0xFE) || (original[0] == 0xFE && original[1] == 0xFF))
        if !isUTF16, let first = firstNUL(original, from: 0), guessUTF16WithoutBOM(original) == nil {
            let nuls = original.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            if nuls * 100 < original.count {
                bytes = original.filter { $0 != 0 }
                repair.removedNULs = nuls
                repair.firstOffset = first
            }
        }
        switch detectInner(bytes) {
        case .success(let d):
            // `detectInner` has looked for control characters already.
            return .success((d.text, d.encoding, repair))
        case .failure(.undecodable(let offset)):
            // Mostly valid UTF-8: replace the few bad bytes rather than guess another encoding.
            let invalid = countInvalidUTF8(bytes)
            if invalid * 100 < bytes.count || invalid <= 3 {
                var start = 0
                if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
                let text = Array(String(decoding: bytes[start...], as: UTF8.self).utf8)
                if let c = firstControl(text) { return .failure(.binary(offset: c)) }
                repair.replacedBytes = invalid
                repair.firstOffset = repair.firstOffset ?? offset
                return .success((text, .utf8Repaired, repair))
            }
            return .failure(.undecodable(offset: offset))
        case .failure(let f):
            return .failure(f)
        }
    }

    static func countInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var count = 0
        var from = 0
        while let bad = firstInvalidUTF8(bytes, from: from) {
            count += 1
            from = bad + 1
            if count > bytes.count / 50 + 4 { break }
        }
        return count
    }

    static func detectInner(_ bytes: [UInt8]) -> Result<(text: [UInt8], encoding: TextEncoding), DecodeFailure> {
        let result = detect(bytes)
        // Text full of control characters is binary whatever encoding it happened to decode as.
        if case .success(let d) = result, let offset = firstControl(d.text) { return .failure(.binary(offset: offset)) }
        return result
    }

    /// The first control character (other than tab, line breaks, form feed) in the first 64 KiB.
    static func firstControl(_ utf8: [UInt8]) -> Int? {
        utf8.withUnsafeBufferPointer { b in
            let n = min(b.count, 65536)
            guard let base = UnsafeRawPointer(b.baseAddress) else { return nil }
            @inline(__always) func isControl(_ c: UInt8) -> Bool { c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C }
            var i = 0
            while i + 8 <= n {
                // Eight bytes at a time: only a word with a byte below 0x20 (a line break,
                // mostly) is looked at byte by byte.
                let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if ByteWord.controls(x) != 0 {
                    for k in i..<(i + 8) where isControl(b[k]) { return k }
                }
                i += 8
            }
            while i < n {
                if isControl(b[i]) { return i }
                i += 1
            }
            return nil
        }
    }

    static func detect(_ bytes: [UInt8]) -> Result<(text: [UInt8], encoding: TextEncoding), DecodeFailure> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return decodeUTF16(bytes, from: 2, littleEndian: true).map { ($0, .utf16LE) }
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return decodeUTF16(bytes, from: 2, littleEndian: false).map { ($0, .utf16BE) }
        }
        var start = 0
        var encoding = TextEncoding.utf8
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
            encoding = .utf8BOM
        }
        if let nul = firstNUL(bytes, from: start) {
            // UTF-16 without BOM: every other byte NUL in ASCII-heavy text.
            if let guess = guessUTF16WithoutBOM(bytes), case .success(let text) = decodeUTF16(bytes, from: 0, littleEndian: guess),
               firstControl(text) == nil {
                return .success((text, guess ? .utf16LE : .utf16BE))
            }
            return .failure(.binary(offset: nul))
        }
        if let bad = firstInvalidUTF8(bytes, from: start) {
            // A few bad bytes in UTF-8 text are damage, not another encoding.
            let invalid = countInvalidUTF8(bytes)
            if invalid * 100 >= bytes.count && invalid > 3, let gb = decodeGB18030(bytes) { return .success((gb, .gb18030)) }
            return .failure(.undecodable(offset: bad))
        }
        if start == 0 { return .success((bytes, encoding)) }
        return .success((Array(bytes[start...]), encoding))
    }

    static func guessUTF16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 16, bytes.count % 2 == 0 else { return nil }
        let sample = min(bytes.count, 4096) & ~1
        var evenNul = 0, oddNul = 0
        for i in stride(from: 0, to: sample, by: 2) {
            if bytes[i] == 0 { evenNul += 1 }
            if bytes[i + 1] == 0 { oddNul += 1 }
        }
        let pairs = sample / 2
        if oddNul * 10 > pairs * 3 && evenNul * 20 < pairs { return true }
        if evenNul * 10 > pairs * 3 && oddNul * 20 < pairs { return false }
        return nil
    }

    static func decodeUTF16(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> Result<[UInt8], DecodeFailure> {
        let count = (bytes.count - start) / 2
        var units = [UInt16]()
        units.reserveCapacity(count)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
            i += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var offset = start
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s.value == 0 { return .failure(.binary(offset: offset)) }
                UTF8.encode(s) { out.append($0) }
                offset += s.value > 0xFFFF ? 4 : 2
            case .emptyInput: break loop
            case .error: return .failure(.undecodable(offset: offset))
            }
        }
        if out.isEmpty { return .failure(.empty) }
        return .success(out)
    }

    /// The offset of the first byte that breaks UTF-8, or nil when valid.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            var i = start
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                // Fast path: most CJK lead bytes (E1–EC, EE, EF) take any two continuation bytes.
                if (b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF {
                    guard i + 2 < n, buf[i + 1] & 0xC0 == 0x80, buf[i + 2] & 0xC0 == 0x80 else { return i }
                    i += 3
                    continue
                }
                var need = 0
                var minScalar: UInt32 = 0
                var scalar: UInt32 = 0
                if b & 0xE0 == 0xC0 { need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80 }
                else if b & 0xF0 == 0xE0 { need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800 }
                else if b & 0xF8 == 0xF0 { need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000 }
                else { return i }
                if i + need >= n { return i }
                for k in 1...need {
                    let c = buf[i + k]
                    if c & 0xC0 != 0x80 { return i }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return i }
                i += need + 1
            }
            return nil
        }
    }

    /// The offset of the first NUL byte at or after `start` (memchr: a vectorized scan).
    static func firstNUL(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress, let hit = memchr(base + start, 0, buf.count - start) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv.
    static func decodeGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        guard let utf8 = convert(bytes, from: "GB18030", to: "UTF-8"), !utf8.isEmpty, !utf8.contains(0) else { return nil }
        return utf8
    }

    /// Converts bytes between encodings with iconv; nil when the input does not convert whole.
    public static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        let capacity = bytes.count * 4 + 16
        var output = [CChar](repeating: 0, count: capacity)
        var produced = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r != -1 && inLeft == 0 { produced = capacity - outLeft }
            }
        }
        guard produced >= 0 else { return nil }
        return output[..<produced].map { UInt8(bitPattern: $0) }
    }
}
