using System.Globalization;
using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway.Authorization;
using Google.Protobuf;

namespace Bandit.Gateway.Live;

/// <summary>
/// The live page (<c>/live</c>, one embedded HTML file) and its event stream (<c>/live/topk</c>, Server-Sent
/// Events carrying each <see cref="TopKUpdate"/> in the protobuf JSON mapping, as JSON transcoding writes it).
/// </summary>
public static class LiveEndpoints
{
    /// <summary>Path of the page (also answered with a trailing slash).</summary>
    public const string PagePath = "/live";

    /// <summary>Path of the event stream: <c>?k=10&amp;policy=POSTERIOR_MEAN</c>.</summary>
    public const string EventsPath = "/live/topk";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>Maps the page and its event stream.</summary>
    public static IEndpointRouteBuilder MapBanditLive(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Routing matches "/live" and "/live/" alike.
        endpoints.MapGet(PagePath, () => Results.Stream(
            typeof(LiveEndpoints).Assembly.GetManifestResourceStream("Bandit.Gateway.Live.live.html")
                ?? throw new InvalidOperationException("the live page is missing from the assembly"),
            "text/html; charset=utf-8"));
        // The page holds no data; its stream does, and needs what GetTopK needs when access is controlled.
        endpoints.MapGet(EventsPath, StreamAsync).RequirePermission(endpoints, Permissions.RankingsRead);
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext context, TopKWatcher watcher)
    {
        var query = context.Request.Query;
        var kText = query["k"].ToString();
        if (!int.TryParse(kText is "" ? "10" : kText, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || k < 1 || k > watcher.MaxK)
        {
            await BadRequestAsync(context, $"k must be between 1 and {watcher.MaxK}, got '{kText}'");
            return;
        }

        if (ParsePolicy(query["policy"].ToString()) is not { } wire)
        {
            await BadRequestAsync(context, "policy must be one of " + string.Join(", ", PolicyNames()));
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Tell proxies not to buffer the stream.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var cancel = context.RequestAborted;
        try
        {
            await foreach (var update in watcher.WatchAsync(k, TopKWatcher.PolicyOf(wire), cancel))
            {
                await context.Response.WriteAsync("data: " + Json.Format(update) + "\n\n", cancel);
                await context.Response.Body.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.ResourceExhausted
            && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(ex.Status.Detail, CancellationToken.None);
        }
    }

    /// <summary>
    /// A policy by its wire name with or without the <c>RANKING_POLICY_</c> prefix, any case, '-' for '_';
    /// empty is unspecified.
    /// </summary>
    internal static Contracts.Gateway.V1.RankingPolicy? ParsePolicy(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Contracts.Gateway.V1.RankingPolicy.Unspecified;
        }

        var name = text.Trim().Replace('-', '_').ToUpperInvariant();
        name = name.StartsWith("RANKING_POLICY_", StringComparison.Ordinal) ? name : "RANKING_POLICY_" + name;
        var value = PolicyValues().FirstOrDefault(v => v.Name == name);
        return value is null ? null : (Contracts.Gateway.V1.RankingPolicy)value.Number;
    }

    private static IEnumerable<string> PolicyNames() =>
        PolicyValues().Select(v => v.Name["RANKING_POLICY_".Length..]);

    private static IList<Google.Protobuf.Reflection.EnumValueDescriptor> PolicyValues() =>
        FeedRankingReflection.Descriptor.EnumTypes.First(e => e.Name == "RankingPolicy").Values;

    private static async Task BadRequestAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n");
    }
}
