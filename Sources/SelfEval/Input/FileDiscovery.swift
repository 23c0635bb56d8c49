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
                if let e = fm.enumerator(atPath: path) {
                    while let rel = e.nextObject() as? String {
                        let name = (rel as NSString).lastPathComponent
                        if name.hasPrefix(".") {
                            e.skipDescendants()
                            continue
                        }
                        let full = (path as NSString).appendingPathComponent(rel)
                        var d: ObjCBool = false
                        let ext = (name as NSString).pathExtension.lowercased()
                        if fm.fileExists(atPath: full, isDirectory: &d), !d.boolValue, extensions.contains(ext),
                           ext != "json" || isModelJSON(full) {
                            files.append(full)
                        }
                    }
                }
                for f in files.sorted() where seen.insert(f).inserted {
                    out.append(Found(path: f, display: display(f, currentDirectory)))
                }
            } else if seen.insert(path).inserted {
                out.append(Found(path: path, display: display(path, currentDirectory)))
            }
        }
        return out
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
