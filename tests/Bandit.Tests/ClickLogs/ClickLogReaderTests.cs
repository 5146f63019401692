using Bandit.ClickLogs;
using Bandit.Tests.Fixtures;

namespace Bandit.Tests.ClickLogs;

public sealed class ClickLogReaderTests
{
    [Fact]
    public void Read_ObdFile_YieldsEveryRowWithTheLogsCounts()
    {
        // Arrange
        var expected = ObdLog.Count("random/men/men.csv");

        // Act
        var rows = ClickLogReader.Read(ObdLog.PathOf("random/men/men.csv"), postIdPrefix: "men-").ToList();

        // Assert
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(new DateTimeOffset(2019, 11, 24, 0, 3, 13, 442, TimeSpan.Zero).AddTicks(5360), rows[0].Timestamp);
        Assert.Equal(("men-14", 3, false), (rows[0].PostId, rows[0].Position, rows[0].Clicked));
        foreach (var (item, counts) in expected)
        {
            var mine = rows.Where(r => r.PostId == "men-" + item).ToList();
            Assert.Equal((counts.Impressions, counts.Clicks), ((long)mine.Count, (long)mine.Count(r => r.Clicked)));
        }
    }

    [Fact]
    public void Read_PlainCsvWithAndWithoutHeader_ParsesIsoAndUnixTimes()
    {
        var withHeader = "timestamp,post_id,clicked\n2024-01-02T03:04:05Z,a,1\n1700000000000,b,0\n"
            + "2024-01-02 04:04:05.5+01:00,c,0\n2024-01-02T03:04:05,d,1\n";
        var withoutHeader = "2024-01-02T03:04:05Z,a,true\n";

        var first = ClickLogReader.Read(new StringReader(withHeader)).ToList();
        var second = ClickLogReader.Read(new StringReader(withoutHeader)).ToList();

        Assert.Equal(
            [new ClickLogRow(2, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "a", true, 0),
             new ClickLogRow(3, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), "b", false, 0),
             new ClickLogRow(4, new DateTimeOffset(2024, 1, 2, 3, 4, 5, 500, TimeSpan.Zero), "c", false, 0),
             new ClickLogRow(5, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "d", true, 0)],
            first);
        Assert.Equal(
            [new ClickLogRow(1, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "a", true, 0)],
            second);
    }

    [Theory]
    [InlineData("timestamp,post_id,clicked\n2024-01-02T03:04:05Z,a,2\n", "line 2: clicked must be 0 or 1, got '2'")]
    [InlineData("timestamp,post_id,clicked\nyesterday,a,1\n", "line 2: timestamp 'yesterday' is neither")]
    [InlineData("timestamp,post_id,clicked\n1.5,a,1\n", "line 2: timestamp '1.5' is neither")]
    [InlineData("timestamp,post_id,clicked\n3/4/2024,a,1\n", "line 2: timestamp '3/4/2024' is neither")]
    [InlineData("timestamp,post_id,clicked\n2024-01-02T03:04:05Z,,1\n", "line 2: post_id must not be empty")]
    [InlineData("timestamp,post_id,clicked\n2024-01-02T03:04:05Z,a b,1\n", "line 2: post_id may hold only")]
    [InlineData("timestamp,post_id,clicked\n2024-01-02T03:04:05Z,a\n", "line 2: expected 3 fields, got 2")]
    [InlineData("timestamp,post_id\n", "line 1: header has no 'clicked' column")]
    [InlineData(",timestamp,item_id,position,click\n0,2019-11-24 00:03:13+00:00,14,x,0\n", "line 2: position must be")]
    [InlineData("", "the click log is empty")]
    [InlineData("timestamp,post_id,clicked\n1700000000,a,1\n", "line 2: timestamp '1700000000' is before 2000-01-01")]
    [InlineData("2999-01-01T00:00:00Z,a,1\n", "line 1: timestamp '2999-01-01T00:00:00Z' is before 2000-01-01 or more")]
    public void Read_BadInput_FailsNamingTheLineAndField(string csv, string expected)
    {
        var error = Assert.Throws<ClickLogFormatException>(() => ClickLogReader.Read(new StringReader(csv)).ToList());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EndlessLine_IsRefusedWithoutReadingItWhole()
    {
        // A reader that never ends a line: the refusal must come from the limit, not from running out of input.
        var endless = new EndlessReader();

        var error = Assert.Throws<ClickLogFormatException>(() => ClickLogReader.Read(endless).ToList());

        Assert.Equal("line 1: longer than 65536 characters", error.Message);
        Assert.InRange(endless.Served, ClickLogReader.MaxLineLength, ClickLogReader.MaxLineLength + 1);
    }

    private sealed class EndlessReader : TextReader
    {
        public long Served { get; private set; }

        public override int Read()
        {
            Served++;
            return 'x';
        }
    }
}
