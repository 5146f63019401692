using ScottPlot;

namespace Bandit.Tools.Report;

/// <summary>The report's plots, as PNG bytes.</summary>
internal static class ReportCharts
{
    private const int Width = 960;
    private const int Height = 420;

    public static byte[] CtrOverTime(ReportData data)
    {
        var plot = new Plot();
        var points = data.CtrOverTime.Where(b => !double.IsNaN(b.Ctr)).ToArray();
        var line = plot.Add.Scatter(
            points.Select(b => ToOADate(b.Start)).ToArray(),
            points.Select(b => 100 * b.Ctr).ToArray());
        line.LegendText = "CTR per bucket";
        var overall = data.Impressions == 0 ? 0 : 100.0 * data.Clicks / data.Impressions;
        var mean = plot.Add.HorizontalLine(overall);
        mean.LegendText = $"overall {overall:0.000}%";
        mean.LinePattern = LinePattern.Dashed;
        plot.Axes.DateTimeTicksBottom();
        plot.Title("Click-through rate over event time");
        plot.YLabel("clicks / impressions (%)");
        plot.ShowLegend();
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static byte[] TopMembership(ReportData data, int top)
    {
        var plot = new Plot();
        var final = data.TopOverTime.Count > 0 ? data.TopOverTime[^1].Top : [];
        // Rows: the final leaders first, then every other post that was ever among them, by first entry.
        var rows = final.Concat(data.TopOverTime.SelectMany(b => b.Top)).Distinct(StringComparer.Ordinal)
            .Take(3 * top).ToArray();
        for (var r = 0; r < rows.Length; r++)
        {
            var times = data.TopOverTime.Where(b => b.Top.Contains(rows[r], StringComparer.Ordinal))
                .Select(b => ToOADate(b.End)).ToArray();
            var ys = Enumerable.Repeat((double)(rows.Length - r), times.Length).ToArray();
            var marks = plot.Add.ScatterPoints(times, ys);
            marks.MarkerShape = MarkerShape.FilledSquare;
            marks.MarkerSize = 7;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, rows.Length).Select(r => (double)(rows.Length - r))], rows);
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Top-{top} membership by posterior mean over event time (one mark per bucket in the top)");
        return plot.GetImageBytes(Width, Math.Max(Height, 60 + 18 * rows.Length), ImageFormat.Png);
    }

    public static byte[] Intervals(ReportData data)
    {
        var plot = new Plot();
        var n = data.Leaders.Count;
        for (var i = 0; i < n; i++)
        {
            var (_, m, lower, upper, _, _) = data.Leaders[i];
            var y = n - i;
            var bar = plot.Add.Line(100 * lower, y, 100 * upper, y);
            bar.LineWidth = 6;
            bar.Color = Colors.SteelBlue.WithAlpha(0.6);
            var mark = plot.Add.Marker(100 * m, y);
            mark.Color = Colors.Navy;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, n).Select(i => (double)(n - i))], [.. data.Leaders.Select(l => l.PostId)]);
        plot.Title("Posterior mean and 95% credible interval of the leading posts");
        plot.XLabel("click rate (%)");
        return plot.GetImageBytes(Width, Math.Max(Height, 60 + 24 * n), ImageFormat.Png);
    }

    public static byte[] Exploration(ReportData data)
    {
        var plot = new Plot();
        var buckets = data.ExplorationOverTime;
        var width = buckets.Count > 1 ? ToOADate(buckets[1].Start) - ToOADate(buckets[0].Start) : 1.0 / 86_400;
        var bars = new List<Bar>();
        foreach (var (start, exploited, explored) in buckets)
        {
            var x = ToOADate(start) + width / 2;
            bars.Add(new Bar { Position = x, Value = exploited, Size = width * 0.9, FillColor = Colors.SteelBlue });
            bars.Add(new Bar
            {
                Position = x,
                ValueBase = exploited,
                Value = exploited + explored,
                Size = width * 0.9,
                FillColor = Colors.Orange,
            });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(
            new LegendItem { LabelText = "exploited (greedy choice)", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "explored", FillColor = Colors.Orange });
        plot.ShowLegend();
        plot.Axes.DateTimeTicksBottom();
        plot.Title("Served slots over served time: exploitation and exploration");
        plot.YLabel("slots");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static double ToOADate(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToOADate();
}
