using System.Diagnostics;
using Bandit.Tools.Evaluate;
using CsCheck;

namespace Bandit.Tests.Fuzzing;

/// <summary>
/// The prior file reader (the Open Bandit Dataset's prior_bts.yaml, the one prior import there is) either gives
/// click rates in (0, 1) or refuses the file with a FormatException or ArgumentException naming the problem.
/// </summary>
public sealed class CampaignPriorsFuzzTests
{
    private static readonly Gen<string> YamlLine = Gen.Frequency(
        (3, Gen.OneOfConst("men:", "women:", "all:", "  alpha:", "  beta:", "alpha:", "# note", "", "  ")),
        (4, Gen.Select(Gen.OneOfConst("  - ", "- ", "    - ", "  -"), Gen.OneOfConst(
            "1", "0.5", "2e3", "0", "-1", "nan", "Infinity", "1e400", "x", "", "1,5")).Select((a, b) => a + b)),
        (1, Gen.String[0, 30]));

    [Fact]
    public void ClickRates_AnyPriorFile_GivesRatesOrAClearRefusal()
    {
        var path = Path.GetTempFileName();
        try
        {
            YamlLine.Array[0, 25].Sample(lines =>
            {
                File.WriteAllLines(path, lines);
                var clock = Stopwatch.StartNew();
                try
                {
                    var rates = CampaignPriors.ClickRates(path, "men");

                    Assert.NotEmpty(rates);
                    Assert.All(rates, r => Assert.True(r is > 0.0 and < 1.0, $"rate {r}"));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"reading took {clock.Elapsed}");
            }, iter: 2_000);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
