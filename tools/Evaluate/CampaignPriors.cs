using System.Globalization;

namespace Bandit.Tools.Evaluate;

/// <summary>
/// Reads the Open Bandit Dataset's <c>prior_bts.yaml</c>: per campaign, the Beta alpha and beta of each
/// item that ZOZOTOWN's production Thompson sampling started from. Only that simple shape is accepted.
/// </summary>
internal static class CampaignPriors
{
    /// <summary>The items' true click rates for the simulation: the means of their priors.</summary>
    public static double[] ClickRates(string path, string campaign)
    {
        var (alpha, beta) = Read(path, campaign);
        return [.. alpha.Zip(beta, (a, b) => a / (a + b))];
    }

    private static (List<double> Alpha, List<double> Beta) Read(string path, string campaign)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException(
                $"prior file '{path}' not found; pass --priors with the path of the Open Bandit Dataset's " +
                "prior_bts.yaml");
        }

        var campaigns = new List<string>();
        var alpha = new List<double>();
        var beta = new List<double>();
        string? section = null;
        List<double>? list = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var text = line.Trim();
            if (!char.IsWhiteSpace(line[0]) && text.EndsWith(':'))
            {
                section = text[..^1];
                campaigns.Add(section);
                list = null;
            }
            else if (text is "alpha:" or "beta:")
            {
                list = text == "alpha:" ? alpha : beta;
            }
            else if (text.StartsWith("- ", StringComparison.Ordinal) && list is not null)
            {
                if (section == campaign)
                {
                    list.Add(ParseShape(text[2..], path, number));
                }
            }
            else
            {
                throw new FormatException($"{path}:{number}: unexpected line '{text}'");
            }
        }

        if (!campaigns.Contains(campaign))
        {
            throw new ArgumentException(
                $"campaign '{campaign}' is not in {path}; it has {string.Join(", ", campaigns)}");
        }

        if (alpha.Count == 0 || alpha.Count != beta.Count)
        {
            throw new FormatException(
                $"{path}: campaign '{campaign}' needs equally many alpha and beta values, got {alpha.Count} " +
                $"and {beta.Count}");
        }

        return (alpha, beta);
    }

    private static double ParseShape(string text, string path, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{path}:{line}: '{text}' is not a positive number");
}
