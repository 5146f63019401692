using System.Globalization;
using System.Net;
using System.Text;

namespace Bandit.Tools.Report;

/// <summary>One self-contained HTML file: a summary, and the plots embedded as base64 PNG.</summary>
internal static class ReportWriter
{
    public static string Html(ReportSettings settings, ReportData data, DateTimeOffset createdAt)
    {
        var explored = data.ExplorationOverTime.Sum(b => b.Explored);
        var counted = explored + data.ExplorationOverTime.Sum(b => b.Exploited);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bandit report</title>")
            .Append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;max-width:1000px}")
            .Append("td,th{padding:3px 10px;text-align:left}img{max-width:100%;border:1px solid #ddd}</style>")
            .Append("</head><body><h1>Bandit report</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Created {createdAt:u}. Sources: click topic ")
            .Append(CultureInfo.InvariantCulture, $"<code>{E(settings.ClickTopic)}</code> at ")
            .Append(CultureInfo.InvariantCulture, $"<code>{E(settings.BootstrapServers)}</code> read to offsets ")
            .Append(E(string.Join(", ", data.ClickTopicEnds.Select((o, p) => $"{p}:{o}")))).Append(" (exclusive)")
            .Append(settings.ServedTopic.Length > 0 ? $"; served rankings <code>{E(settings.ServedTopic)}</code>" : "")
            .Append(settings.SnapshotPath.Length > 0 ? $"; priors from <code>{E(settings.SnapshotPath)}</code>" : "")
            .Append(".</p><table id=\"summary\">");
        Row(html, "records", data.Records.ToString("N0", CultureInfo.InvariantCulture));
        Row(html, "unreadable records", data.Unreadable.ToString("N0", CultureInfo.InvariantCulture));
        Row(html, "posts", data.Posts.ToString("N0", CultureInfo.InvariantCulture));
        Row(html, "impressions", data.Impressions.ToString("N0", CultureInfo.InvariantCulture));
        Row(html, "clicks", data.Clicks.ToString("N0", CultureInfo.InvariantCulture));
        var ctr = data.Impressions == 0 ? double.NaN : 100.0 * data.Clicks / data.Impressions;
        Row(html, "CTR", double.IsNaN(ctr) ? "–" : ctr.ToString("0.000", CultureInfo.InvariantCulture) + "%");
        Row(html, "served rankings", data.ServedRankings.ToString("N0", CultureInfo.InvariantCulture));
        Row(html, "served slots explored", counted == 0
            ? "–"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{explored:N0} of {counted:N0} ({100.0 * explored / counted:0.0}%)"));
        html.Append("</table>");

        if (data.Impressions + data.Clicks == 0)
        {
            return html.Append("<p>The click topic holds no readable events: nothing to plot.</p></body></html>")
                .ToString();
        }

        Image(html, "ctr", "CTR over time", ReportCharts.CtrOverTime(data),
            "Clicks divided by impressions in each bucket of event time; the dashed line is the whole log's CTR.");
        var membership = ReportCharts.TopMembership(data, settings.Top);
        Image(html, "membership", $"Top-{settings.Top} membership over time", membership,
            "At the end of each bucket, the posts with the highest posterior mean on the evidence up to then.");
        Image(html, "intervals", "Posterior intervals of the leading posts", ReportCharts.Intervals(data),
            $"Beta posterior of each leading post: 2.5% to 97.5% quantiles and the mean ({E(data.LeadersSource)}).");
        if (counted > 0)
        {
            Image(html, "exploration", "Exploration and exploitation", ReportCharts.Exploration(data),
                "Each served slot counts as exploitation when its post was the greedy (posterior-mean) choice for its "
                + "position on the evidence the broker held at the start of the bucket, as exploration otherwise.");
        }
        else
        {
            html.Append("<h2>Exploration and exploitation</h2><p>No served rankings to classify")
                .Append(settings.ServedTopic.Length == 0 ? " (no served-ranking topic given)" : "")
                .Append(".</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static void Image(StringBuilder html, string id, string title, byte[] png, string caption) =>
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2><p>{caption}</p>")
            .Append(CultureInfo.InvariantCulture, $"<img id=\"{id}\" alt=\"{E(title)}\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\">");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
