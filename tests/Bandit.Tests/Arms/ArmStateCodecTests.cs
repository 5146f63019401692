using Bandit.Grains;
using Bandit.Grains.Arms;
using Bandit.Grains.Arms.Storage;
using CsCheck;

namespace Bandit.Tests.Arms;

/// <summary>What a shard stores is what it reads back; bytes that are not a stored arm are refused, clearly.</summary>
public sealed class ArmStateCodecTests
{
    [Fact]
    public void Decode_OfEncode_GivesBackEveryField()
    {
        // Arrange: an arm with two partitions, a full ring of event keys and a copy kept for a cut.
        var arm = new ArmState("post-7")
        {
            Known = true,
            Retired = true,
            PriorAlpha = 0.5,
            PriorBeta = 150,
            PriorSource = PriorSource.Population,
            Impressions = 1_234,
            Clicks = 56,
            LastEventTimeUnixMs = 1_700_000_000_123,
            Version = 42,
            Duplicates = 3,
            EvidenceImpressions = 1_000.25,
            EvidenceClicks = 50.5,
            AppliedOffsets = [new PartitionOffset(0, 99), new PartitionOffset(7, 123_456_789_012)],
            CutCopy = new ArmCutCopy("cut-1", new ArmSnapshot("post-7", 0.5, 150, 1_000, 40, 1_699, 40, 990, 39.5)),
        };
        for (var key = 1UL; key <= 70; key++)
        {
            arm.IsRepeat(key, 64);
        }

        // Act
        var back = ArmStateCodec.Decode("post-7", ArmStateCodec.Encode(arm));

        // Assert
        Assert.Equal(
            (arm.Known, arm.Retired, arm.PriorAlpha, arm.PriorBeta, arm.PriorSource),
            (back.Known, back.Retired, back.PriorAlpha, back.PriorBeta, back.PriorSource));
        Assert.Equal((arm.Impressions, arm.Clicks), (back.Impressions, back.Clicks));
        Assert.Equal(
            (arm.LastEventTimeUnixMs, arm.Version, arm.Duplicates, arm.EvidenceImpressions, arm.EvidenceClicks),
            (back.LastEventTimeUnixMs, back.Version, back.Duplicates, back.EvidenceImpressions, back.EvidenceClicks));
        Assert.Equal(arm.AppliedOffsets, back.AppliedOffsets);
        Assert.Equal((64, 6), (back.RecentEventCount, back.RecentEventNext));
        Assert.Equal(arm.RecentEventKeys, back.RecentEventKeys);
        Assert.Equal(arm.CutCopy, back.CutCopy);
        Assert.True(back.IsRepeat(70, 64));
        Assert.False(back.IsRepeat(6, 64));
    }

    [Fact]
    public void IsRepeat_PastTheWindow_ForgetsTheOldestKeysOnly()
    {
        var arm = new ArmState("p");

        var firstTime = Enumerable.Range(1, 10).Select(k => arm.IsRepeat((ulong)k, 4)).ToList();

        Assert.All(firstTime, Assert.False);
        Assert.Equal([true, true, true, true, false], new ulong[] { 7, 8, 9, 10, 6 }.Select(k => arm.IsRepeat(k, 4)));
    }

    [Fact]
    public void Decode_ArbitraryBytes_ReadsOrRefusesWithFormatException()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            try
            {
                var arm = ArmStateCodec.Decode("p", bytes);
                Assert.Equal("p", arm.PostId);
            }
            catch (FormatException)
            {
                // A clear refusal is the other allowed answer.
            }
        });
    }
}
