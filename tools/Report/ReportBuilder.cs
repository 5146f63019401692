using Bandit.Tools.Snapshot;

namespace Bandit.Tools.Report;

/// <summary>Reads the sources, analyses them and writes the HTML file, reporting progress as it goes.</summary>
internal static class ReportBuilder
{
    public static async Task<ReportData> BuildAsync(ReportSettings settings, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);

        var priors = new Dictionary<string, (double Alpha, double Beta)>(StringComparer.Ordinal);
        if (settings.SnapshotPath.Length > 0)
        {
            foreach (var row in await SnapshotFiles.ReadTableAsync(settings.SnapshotPath, CancellationToken.None))
            {
                priors[Convert.ToString(row["post_id"], System.Globalization.CultureInfo.InvariantCulture)!] = (
                    Convert.ToDouble(row["prior_alpha"], System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToDouble(row["prior_beta"], System.Globalization.CultureInfo.InvariantCulture));
            }

            await progress.WriteLineAsync($"priors of {priors.Count:N0} posts from {settings.SnapshotPath}");
        }

        var timeout = TimeSpan.FromSeconds(15);
        var (clicks, ends) = TopicReader.Read(
            settings.BootstrapServers,
            settings.ClickTopic,
            (read, total) => progress.Write($"\rreading {settings.ClickTopic}: {read:N0} of {total:N0} records"),
            timeout);
        await progress.WriteLineAsync();
        List<TopicRecord> served = [];
        if (settings.ServedTopic.Length > 0)
        {
            (served, _) = TopicReader.Read(
                settings.BootstrapServers,
                settings.ServedTopic,
                (read, total) => progress.Write($"\rreading {settings.ServedTopic}: {read:N0} of {total:N0} records"),
                timeout);
            await progress.WriteLineAsync();
        }

        await progress.WriteLineAsync("analysing and plotting");
        var data = ReportAnalysis.Analyze(clicks, ends, served, priors, settings.Top, settings.Buckets);
        await File.WriteAllTextAsync(settings.OutPath, ReportWriter.Html(settings, data, DateTimeOffset.UtcNow));
        return data;
    }
}
