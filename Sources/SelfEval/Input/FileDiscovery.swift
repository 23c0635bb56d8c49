import Foundation

/// Finds form files under the paths given on the command line.
public enum FileDiscovery {
    /// Extensions searched in folders. Files named explicitly are always read.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "tsv", "csv", "text", "json"]

    public struct Found: Sendable {
        public var path: String
        /// The name shown in output: relative to the current directory when under it.
        public var display: String
    }

    public enum Failure: Error, Sendable {
        case notFound(String)
    }

    /// Expands folders recursively (hidden entries skipped), in sorted order, without duplicates.
    public static func find(_ paths: [String], currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> [Found] {
        var out: [Found] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw Failure.notFound(path) }
            if isDir.boolValue {
                var files: [String] = []
                collect(path, into: &files)
                for f in files.sorted() where seen.insert(f).inserted {
                    out.append(Found(path: f, display: display(f, currentDirectory)))
                }
            } else if seen.insert(path).inserted {
                out.append(Found(path: path, display: display(path, currentDirectory)))
            }
        }
        return out
    }

    /// The form files under `directory`, walked with readdir(3): hidden entries are skipped,
    /// symbolic links are followed to files but not into folders (no loops). Foundation's
    /// enumerator and path methods cost about 75,000 instructions a file, which counts when
    /// every form is a file of its own.
    static func collect(_ directory: String, into files: inout [String]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }   // also . and ..
            let full = base + name
            var isFile = entry.pointee.d_type == UInt8(DT_REG)
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                isFile = info.st_mode & S_IFMT == S_IFREG
                // A link to a folder is not followed (as before, and no loops).
                isFolder = info.st_mode & S_IFMT == S_IFDIR && entry.pointee.d_type != UInt8(DT_LNK)
            }
            if isFolder {
                collect(full, into: &files)
            } else if isFile {
                let ext = extensionOf(name)
                if extensions.contains(ext), ext != "json" || isModelJSON(full) { files.append(full) }
            }
        }
    }

    /// The lowercased text after the last dot of a file name ("" when there is none).
    static func extensionOf(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// JSON files in folders are read only when they are selfeval model JSON (a baseline or a
    /// configuration file is not a form file). Named explicitly, any file is read.
    static func isModelJSON(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = [UInt8](h.readData(ofLength: 4096))
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
