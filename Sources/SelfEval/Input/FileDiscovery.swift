import Foundation

/// Finds form files under the paths given on the command line.
public enum FileDiscovery {
    /// Extensions searched in folders, with `DocumentKind.extensions` (reported, not read).
    /// Files named explicitly are always read.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "tsv", "csv", "text", "html", "htm", "json"]

    public struct Found: Sendable {
        /// The path as text. For a name that is not UTF-8 this is not the name on disk (see
        /// `pathBytes`): GB18030 names are shown decoded, others with U+FFFD.
        public var path: String
        /// The name shown in output: relative to the current directory when under it.
        public var display: String
        /// The path as it is on disk, byte for byte: what the file is opened by.
        public var pathBytes: [UInt8]

        public init(path: String, display: String) {
            self.init(path: path, display: display, pathBytes: Array(path.utf8))
        }

        init(path: String, display: String, pathBytes: [UInt8]) {
            self.path = path
            self.display = display
            self.pathBytes = pathBytes
        }
    }

    public enum Failure: Error, Sendable {
        case notFound(String)
    }

    /// Expands folders recursively (hidden entries skipped), in sorted order, without duplicates.
    /// `raw` gives the bytes of paths as typed, for those that are not UTF-8 (the command line's
    /// strings have U+FFFD in their place).
    public static func find(_ paths: [String], raw: [String: [UInt8]] = [:],
                            currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> [Found] {
        var out: [Found] = []
        // Keyed by text (a `Set<[UInt8]>` cost 350,000 instructions of type lookup on first use,
        // 2% of linting one form): see `seenKey`.
        var seen = Set<String>()
        for path in paths {
            // `-` is standard input (`pdftotext form.pdf - | selfeval lint -`), read once.
            if path == "-" {
                let stdin = Array("/dev/stdin".utf8)
                if seen.insert(seenKey(stdin)).inserted { out.append(Found(path: "-", display: "<stdin>", pathBytes: stdin)) }
                continue
            }
            var bytes = raw[path] ?? Array(path.utf8)
            var info = stat()
            if FileBytes.withCPath(bytes, { stat($0, &info) }) != 0 {
                // A name shown decoded from GB18030 (copied from a report, or kept in a baseline)
                // is found under its GB18030 bytes: the last component's, or the whole path's.
                guard raw[path] == nil, let gbk = gb18030Candidates(bytes).first(where: { FileBytes.withCPath($0, { stat($0, &info) }) == 0 })
                else { throw Failure.notFound(path) }
                bytes = gbk
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                var files: [[UInt8]] = []
                collect(bytes, into: &files)
                // In the order of their names as text (as before), then of their bytes.
                let named = files.map { (text: pathText($0), bytes: $0) }
                    .sorted { $0.text != $1.text ? $0.text < $1.text : $0.bytes.lexicographicallyPrecedes($1.bytes) }
                for f in named where seen.insert(seenKey(f.bytes)).inserted {
                    out.append(Found(path: f.text, display: display(f.text, currentDirectory), pathBytes: f.bytes))
                }
            } else if seen.insert(seenKey(bytes)).inserted {
                let text = pathText(bytes)
                out.append(Found(path: text, display: display(text, currentDirectory), pathBytes: bytes))
            }
        }
        return out
    }

    /// The form files under `directory`, walked with readdir(3): hidden entries are skipped,
    /// symbolic links are followed to files but not into folders (no loops). Foundation's
    /// enumerator and path methods cost about 75,000 instructions a file, which counts when
    /// every form is a file of its own.
    static func collect(_ directory: [UInt8], into files: inout [[UInt8]]) {
        guard let dir = FileBytes.withCPath(directory, { opendir($0) }) else { return }
        defer { closedir(dir) }
        let base = directory.last == UInt8(ascii: "/") ? directory : directory + [UInt8(ascii: "/")]
        while let entry = readdir(dir) {
            // The name's bytes as they are: a name that is not UTF-8 must still open.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.first == UInt8(ascii: ".") { continue }   // also . and ..
            let full = base + name
            var isFile = entry.pointee.d_type == UInt8(DT_REG)
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                guard FileBytes.withCPath(full, { stat($0, &info) }) == 0 else { continue }
                isFile = info.st_mode & S_IFMT == S_IFREG
                // A link to a folder is not followed (as before, and no loops).
                isFolder = info.st_mode & S_IFMT == S_IFDIR && entry.pointee.d_type != UInt8(DT_LNK)
            }
            if isFolder {
                collect(full, into: &files)
            } else if isFile {
                let ext = extensionOf(String(decoding: name, as: UTF8.self))
                if extensions.contains(ext), ext != "json" || isModelJSON(full) { files.append(full) }
                // Documents are read to be reported: their forms are not checked until their
                // text is given (see `DocumentKind`).
                else if DocumentKind.extensions.contains(ext) { files.append(full) }
            }
        }
    }

    /// Where a path shown decoded may be on disk: with its file name in GB18030, or all of it.
    static func gb18030Candidates(_ bytes: [UInt8]) -> [[UInt8]] {
        let cut = (bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0
        var out: [[UInt8]] = []
        if let name = Decoder.convert(Array(bytes[cut...]), from: "UTF-8", to: "GB18030"), name != Array(bytes[cut...]) {
            out.append(Array(bytes[..<cut]) + name)
        }
        if let whole = Decoder.convert(bytes, from: "UTF-8", to: "GB18030"), whole != bytes, !out.contains(whole) { out.append(whole) }
        return out
    }

    /// A key that tells paths apart by their bytes: the text itself when it is UTF-8, else NUL
    /// (never in a path) and the bytes in hex.
    static func seenKey(_ bytes: [UInt8]) -> String {
        if Decoder.firstInvalidUTF8(bytes, from: 0) == nil { return String(decoding: bytes, as: UTF8.self) }
        let hex = Array("0123456789abcdef".utf8)
        return "\u{0}" + String(decoding: bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// A path's bytes as text: UTF-8 as it is; a path that is not UTF-8 but is GB18030 (file
    /// names from Windows archives) decoded; anything else with U+FFFD for the bad bytes.
    /// Component by component: a GBK file name in a folder whose name is UTF-8 keeps both.
    static func pathText(_ bytes: [UInt8]) -> String {
        if Decoder.firstInvalidUTF8(bytes, from: 0) == nil { return String(decoding: bytes, as: UTF8.self) }
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { part -> String in
            let part = Array(part)
            if Decoder.firstInvalidUTF8(part, from: 0) != nil, let utf8 = Decoder.convert(part, from: "GB18030", to: "UTF-8") {
                return String(decoding: utf8, as: UTF8.self)
            }
            return String(decoding: part, as: UTF8.self)
        }
        return parts.joined(separator: "/")
    }

    /// The lowercased text after the last dot of a file name ("" when there is none).
    static func extensionOf(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// JSON files in folders are read only when they are selfeval model JSON (a baseline or a
    /// configuration file is not a form file). Named explicitly, any file is read.
    static func isModelJSON(_ path: [UInt8]) -> Bool {
        guard let head = FileBytes.head(ofPath: path, count: 4096) else { return false }
        return ModelJSONReader.looksLikeModel(head)
    }

    public static func display(_ path: String, _ cwd: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if p.hasPrefix(prefix) { p.removeFirst(prefix.count) }
        return p
    }
}
