/// Which row each line of a table read by column belongs to, when its cells wrap over lines.
///
/// A line with a row's numbers is that row's line; the lines between two rows hold the parts
/// of cells that wrapped. Cells set at the top (as a word processor sets them) start on their
/// row's line, so every line between two rows goes on the row above. Cells centred on their
/// row (as spreadsheets and many PDF forms set them) start above it: a row of h lines has
/// (h-1)/2 of them above its numbers and the rest, as many or one more, below. The lines
/// between two rows then split after as many as the row above had above it, or after one more
/// when that line goes on from the row above (`continues`) and the row below can still have
/// as many lines below as above.
///
/// The reader tells the two apart by reading both ways (see `FlowIndicatorReader+Columns`).
///
/// A blank line between two rows is the border between them, whichever way cells are set
/// (pdftotext -layout leaves one where a bordered row ends): the lines before it go on the row
/// above, those after it on the row below.
enum WrappedRows {
    /// The row (counted from 0) of each line; lines before the first row belong to it.
    /// `parted(i)`: a blank line stands between line i - 1 and line i.
    static func owners(isRow: [Bool], centred: Bool, parted: (Int) -> Bool = { _ in false },
                       continues: (_ line: Int, _ rowLines: ClosedRange<Int>) -> Bool) -> [Int] {
        let anchors = isRow.indices.filter { isRow[$0] }
        var owner = [Int](repeating: 0, count: isRow.count)
        guard !anchors.isEmpty else { return owner }
        // Lines after the last row are its own.
        for i in anchors[anchors.count - 1]..<isRow.count { owner[i] = anchors.count - 1 }
        // Centred: the lines above the first row are its own; between two rows they split.
        var above = anchors[0]
        for k in 0..<(anchors.count - 1) {
            let gapStart = anchors[k] + 1, gap = anchors[k + 1] - gapStart
            var below: Int
            if let border = (gapStart...anchors[k + 1]).first(where: parted) {
                below = border - gapStart
            } else if !centred {
                // Set at the top, every line between two rows goes on the row above.
                below = gap
            } else {
                let nextGap = (k + 2 < anchors.count ? anchors[k + 2] : isRow.count) - anchors[k + 1] - 1
                below = min(above, gap)
                let onePossible = above + 1 <= gap
                let asManyFits = gap - below <= nextGap, oneMoreFits = onePossible && gap - below - 1 <= nextGap
                if onePossible && (!asManyFits || (oneMoreFits && continues(gapStart + below, (anchors[k] - above)...(anchors[k] + below)))) {
                    below += 1
                }
            }
            owner[anchors[k]] = k
            for i in gapStart..<(gapStart + gap) { owner[i] = i < gapStart + below ? k : k + 1 }
            above = gap - below
        }
        return owner
    }

    /// The lines of each row in turn, from `owners` (a row's lines stand together).
    static func rows(_ owners: [Int]) -> [ClosedRange<Int>] {
        var rows: [ClosedRange<Int>] = []
        var i = 0
        while i < owners.count {
            var j = i
            while j + 1 < owners.count && owners[j + 1] == owners[i] { j += 1 }
            rows.append(i...j)
            i = j + 1
        }
        return rows
    }
}
