using Bandit.ClickLogs;
using Bandit.Contracts.Gateway.V1;
using Bandit.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bandit.Tests.Live;

/// <summary>The live page in a real browser (Debian's chromium driven by Playwright) against a running silo.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class LiveViewBrowserTests(GatewaySiloFixture fixture, ITestOutputHelper output)
{
    /// <summary>The system browser; CI installs Debian's chromium package.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private FeedRanking.FeedRankingClient Client => fixture.Silo.Client;

    [Fact]
    public async Task LivePage_ClicksArrive_ShowsGetTopKAndFollowsTheChange()
    {
        // Arrange: five posts above anything else in this cluster; the fifth has a weak prior that a few
        // clicks move to the top.
        var run = Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(0, 5).Select(i => $"live-{run}-{(char)('a' + i)}").ToArray();
        double[][] priors = [[9995, 5], [9990, 10], [9985, 15], [9980, 20], [0.997, 0.003]];
        for (var i = 0; i < ids.Length; i++)
        {
            await Client.RegisterPostAsync(new RegisterPostRequest
            {
                PostId = ids[i],
                Beta = new BetaPrior { Alpha = priors[i][0], Beta = priors[i][1] },
            });
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1200, Height = 520 } });
        try
        {
            await page.GotoAsync(new Uri(fixture.Silo.WebAddress, "/live?k=5&policy=POSTERIOR_MEAN").ToString());
            var before = await TopAsync();
            var shown = await ShownWhenAsync(page, rows => rows.SequenceEqual(before));

            // Act: twenty clicks on the fifth post.
            var clicks = new List<RecordEventReply>();
            for (var i = 0; i < 20; i++)
            {
                clicks.Add(await Client.RecordClickAsync(new RecordEventRequest { PostId = ids[4] }));
            }

            await IngestWaiter.WaitAsync(
                Client,
                new Dictionary<int, long> { [clicks[0].Partition] = clicks.Max(c => c.Offset) },
                Deadline);
            var after = await TopAsync();
            var changed = await ShownWhenAsync(page, rows => rows.SequenceEqual(after));
            var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "live-view.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine($"live view screenshot: {screenshot}");

            // Assert: the page showed GetTopK before and after, and the clicks moved the fifth post to the top.
            Assert.Equal(ids.Select(id => id + " 0"), before);
            Assert.Equal(before, shown);
            Assert.Equal(ids[4] + " 20", after[0]);
            Assert.Equal(after, changed);
            Assert.True(await page.Locator("#topk tr .ci").CountAsync() == 5, "every row draws its interval");
        }
        finally
        {
            var admin = new FeedAdmin.FeedAdminClient(fixture.Silo.Channel);
            foreach (var id in ids)
            {
                // The other tests of this cluster expect their own posts at the top.
                await admin.RemovePostAsync(new RemovePostRequest { PostId = id });
            }
        }
    }

    private async Task<string[]> TopAsync()
    {
        var reply = await Client.GetTopKAsync(new GetTopKRequest { K = 5, Policy = RankingPolicy.PosteriorMean });
        return [.. reply.Posts.Select(p => $"{p.PostId} {p.Clicks}")];
    }

    // The table's rows as "post clicks" once they satisfy the condition, or a timeout naming the last ones seen.
    private static async Task<string[]> ShownWhenAsync(IPage page, Func<string[], bool> done) =>
        await Eventually.ReturnsAsync(
            async () => (await page.Locator("#topk tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.dataset.postId + ' ' + r.querySelector('td.clicks').textContent)")),
            done,
            Deadline,
            "the live page showing the expected top 5");
}
