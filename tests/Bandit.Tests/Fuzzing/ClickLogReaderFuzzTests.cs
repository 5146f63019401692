using System.Diagnostics;
using System.Globalization;
using Bandit.ClickLogs;
using Bandit.Grains;
using CsCheck;

namespace Bandit.Tests.Fuzzing;

/// <summary>
/// Any text handed to the click-log reader gives valid rows or a <see cref="ClickLogFormatException"/> that says
/// what is wrong, in bounded time; nothing else escapes.
/// </summary>
public sealed class ClickLogReaderFuzzTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    private static readonly string[] Headers =
    [
        "timestamp,post_id,clicked",
        ",timestamp,item_id,position,click,propensity_score",
        "timestamp,item_id,click",
        "",
    ];

    // Fields near the formats: numbers, ISO times, ids, and now and then anything.
    private static readonly Gen<string> Field = Gen.Frequency(
        (3, Gen.Long[-5, 2_000_000_000_000L].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.OneOfConst("0", "1", "2", "-1", "0.5", "1e-3", "nan", "", " ", "2019-11-24 00:00:00.0+00:00",
            "2024-02-30T00:00:00Z", "9999-12-31T23:59:59Z", "p-1", "a b", "\"q\"")),
        (2, Gen.Char["abz09-_.:/@ \t\"\r\u00e9"].Array[0, 20].Select(c => new string(c))),
        (1, Gen.String[0, 30]));

    private static readonly Gen<string> Line = Field.Array[0, 8].Select(fields => string.Join(',', fields));

    private static readonly Gen<string> Log = Gen.Select(Gen.OneOfConst(Headers), Line.Array[0, 20], Gen.Bool)
        .Select((header, lines, crlf) => string.Join(crlf ? "\r\n" : "\n", [header, .. lines]));

    [Fact]
    public void Read_AnyText_GivesValidRowsOrAFormatError()
    {
        Gen.Select(Log, Gen.OneOfConst("", "run-1/")).Sample((text, prefix) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var row in ClickLogReader.Read(new StringReader(text), prefix))
                {
                    Assert.Null(PostIdRules.Validate(row.PostId));
                    Assert.StartsWith(prefix, row.PostId, StringComparison.Ordinal);
                    Assert.InRange(row.Line, 1, text.Length + 1);
                }
            }
            catch (ClickLogFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }

            Assert.True(clock.Elapsed < Slow, $"reading took {clock.Elapsed}");
        }, iter: 5_000);
    }
}
