using System.Text;

namespace Bandit.Bench.Report;

/// <summary>Rows of cells printed as aligned columns: text left, figures right.</summary>
internal sealed class TextTable(params string[] header)
{
    private readonly List<string[]> _rows = [header];

    public int RowCount => _rows.Count - 1;

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>A heading line across the table.</summary>
    public void Section(string title) => _rows.Add([title]);

    public string Render()
    {
        var columns = header.Length;
        var widths = Enumerable.Range(0, columns)
            .Select(c => _rows.Where(r => r.Length == columns).Max(r => r[c].Length))
            .ToArray();
        var text = new StringBuilder();
        foreach (var (i, row) in _rows.Index())
        {
            if (row.Length != columns)
            {
                text.AppendLine().AppendLine(row[0]);
                continue;
            }

            var cells = row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
            if (i == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + 2 * (columns - 1)));
            }
        }

        return text.ToString();
    }
}
