using System.Globalization;

namespace Bandit.ClickLogs;

/// <summary>
/// Reads click logs in two CSV formats, told apart by their header:
/// the Open Bandit Dataset (<c>,timestamp,item_id,position,click,...</c>, one impression per row) and the
/// plain format <c>timestamp,post_id,clicked</c> (header optional). Fields are unquoted.
/// </summary>
public static class ClickLogReader
{
    /// <summary>Longest line accepted; the Open Bandit logs' lines are about 1 KB.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Reads the rows of a file lazily, in file order.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="postIdPrefix">Put before every post id, so several logs can share one service.</param>
    public static IEnumerable<ClickLogRow> Read(string path, string postIdPrefix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using var reader = new StreamReader(path);
        foreach (var row in Read(reader, postIdPrefix))
        {
            yield return row;
        }
    }

    /// <summary>Reads rows from a text reader.</summary>
    public static IEnumerable<ClickLogRow> Read(TextReader reader, string postIdPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(postIdPrefix);

        long line = 0;
        Columns? columns = null;
        while (ReadLine(reader, line + 1) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (columns is null)
            {
                columns = Columns.FromHeader(fields);
                if (columns.IsHeader)
                {
                    continue;
                }
            }

            yield return columns.Parse(fields, line, postIdPrefix);
        }

        if (columns is null)
        {
            throw new ClickLogFormatException("the click log is empty");
        }
    }

    // Like TextReader.ReadLine, but refuses a long line before holding all of it in memory.
    private static string? ReadLine(TextReader reader, long line)
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                return text.Length == 0 ? null : text.ToString().TrimEnd('\r');
            }

            if (c == '\n')
            {
                return text.ToString().TrimEnd('\r');
            }

            if (text.Length == MaxLineLength)
            {
                throw new ClickLogFormatException($"line {line}: longer than {MaxLineLength} characters");
            }

            text.Append((char)c);
        }
    }

    /// <summary>Where the fields of a format sit, learned from the first line.</summary>
    private sealed record Columns(
        bool IsHeader,
        int Timestamp,
        int PostId,
        int Clicked,
        int Position,
        bool Obd,
        int Propensity = -1)
    {
        public static Columns FromHeader(string[] fields)
        {
            var names = fields.Select(f => f.Trim()).ToList();
            if (names.Contains("item_id"))
            {
                return new Columns(
                    true,
                    Require(names, "timestamp"),
                    Require(names, "item_id"),
                    Require(names, "click"),
                    names.IndexOf("position"),
                    Obd: true,
                    names.IndexOf("propensity_score"));
            }

            if (names.Contains("post_id"))
            {
                return new Columns(
                    true,
                    Require(names, "timestamp"),
                    Require(names, "post_id"),
                    Require(names, "clicked"),
                    -1,
                    Obd: false);
            }

            // A plain log without a header: the first line is data.
            return new Columns(false, 0, 1, 2, -1, Obd: false);
        }

        public ClickLogRow Parse(string[] fields, long line, string prefix)
        {
            var needed = new[] { Timestamp, PostId, Clicked, Position, Propensity }.Max() + 1;
            if (fields.Length < needed || (!Obd && fields.Length != 3))
            {
                throw new ClickLogFormatException(
                    $"line {line}: expected {(Obd ? $"at least {needed}" : "3")} fields, got {fields.Length}");
            }

            var postId = prefix + fields[PostId].Trim();
            if (Grains.PostIdRules.Validate(postId) is { } problem)
            {
                throw new ClickLogFormatException($"line {line}: {(Obd ? "item_id" : "post_id")} {problem}");
            }

            return new ClickLogRow(
                line,
                CheckTime(ParseTimestamp(fields[Timestamp].Trim(), line), fields[Timestamp].Trim(), line),
                postId,
                ParseClicked(fields[Clicked].Trim(), line, Obd ? "click" : "clicked"),
                Position >= 0 ? ParsePosition(fields[Position].Trim(), line) : 0,
                Propensity >= 0 ? ParsePropensity(fields[Propensity].Trim(), line) : null);
        }

        private static double ParsePropensity(string text, long line)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value is > 0.0 and <= 1.0)
            {
                return value;
            }

            throw new ClickLogFormatException(
                $"line {line}: propensity_score must be a number in (0, 1], got '{Clip(text)}'");
        }

        private static int Require(List<string> names, string name)
        {
            var index = names.IndexOf(name);
            return index >= 0 ? index : throw new ClickLogFormatException($"line 1: header has no '{name}' column");
        }
    }

    // ISO 8601 date and time, 'T' or a space between them, optional fraction and offset (UTC when absent).
    // Strict on purpose: a lenient parse reads "1.5" as a date in the current year.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
    ];

    private static DateTimeOffset ParseTimestamp(string text, long line)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            if (unixMs <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
            }
        }
        else if (DateTimeOffset.TryParseExact(
            text,
            IsoFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed))
        {
            return parsed;
        }

        throw new ClickLogFormatException(
            $"line {line}: timestamp '{Clip(text)}' is neither ISO 8601 nor Unix milliseconds");
    }

    private static DateTimeOffset CheckTime(DateTimeOffset timestamp, string text, long line) =>
        Grains.EventTimeRules.Validate(timestamp.ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow) is null
            ? timestamp
            : throw new ClickLogFormatException(
                $"line {line}: timestamp '{Clip(text)}' is before {Grains.EventTimeRules.Earliest:yyyy-MM-dd} or more "
                + "than a day ahead (numbers are read as Unix milliseconds)");

    private static bool ParseClicked(string text, long line, string field) => text switch
    {
        "1" or "true" or "True" => true,
        "0" or "false" or "False" => false,
        _ => throw new ClickLogFormatException($"line {line}: {field} must be 0 or 1, got '{Clip(text)}'"),
    };

    private static int ParsePosition(string text, long line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position <= 10_000
            ? position
            : throw new ClickLogFormatException(
                $"line {line}: position must be a whole number up to 10000, got '{Clip(text)}'");

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
