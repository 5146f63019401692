using Bandit.Contracts.Events.V1;
using Bandit.Grains;
using Bandit.Grains.Ingest;
using Google.Protobuf;

namespace Bandit.Tests.Ingest;

public sealed class ClickRecordMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_ValidClick_ReturnsTheEvent()
    {
        var value = Event("post-1", ClickStreamEventType.Click, 1_700_000_000_000).ToByteArray();

        var decoded = ClickRecordMapper.Decode("post-1"u8.ToArray(), value, 77, Now, out var reason);

        Assert.Equal(new ClickEvent(77, "post-1", ArmEventKind.Click, 1_700_000_000_000, EventKeys.Of("e-1")), decoded);
        Assert.Equal("", reason);
    }

    public static TheoryData<byte[]?, byte[]?, string> Poison => new()
    {
        { "k"u8.ToArray(), null, "empty value" },
        { "k"u8.ToArray(), [0xFF, 0xFF, 0xFF], "not a ClickStreamEvent" },
        { "k"u8.ToArray(), Bytes("p", (ClickStreamEventType)9, T), "unknown event type 9" },
        { "k"u8.ToArray(), Bytes("p", ClickStreamEventType.Unspecified, T), "unknown event type 0" },
        { "k"u8.ToArray(), Bytes("", ClickStreamEventType.Click, T), "post_id must not be empty" },
        { "k"u8.ToArray(), Bytes("a b", ClickStreamEventType.Click, T), "post_id may hold only" },
        { null, Event("p", ClickStreamEventType.Click, 1_700_000_000_000).ToByteArray(), "record has no key" },
        { [], Event("p", ClickStreamEventType.Click, 1_700_000_000_000).ToByteArray(), "record has no key" },
        { "k"u8.ToArray(), Event("p", ClickStreamEventType.Click, -5).ToByteArray(), "event time -5 ms is outside" },
        { "k"u8.ToArray(), Event("p", ClickStreamEventType.Click, long.MaxValue).ToByteArray(), "is outside" },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public void Decode_PoisonRecord_IsRejectedWithAReason(byte[]? key, byte[]? value, string expectedReason)
    {
        var decoded = ClickRecordMapper.Decode(key, value, 1, Now, out var reason);

        Assert.Null(decoded);
        Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
    }

    // A plausible event time: November 2023.
    private const long T = 1_700_000_000_000;

    private static byte[] Bytes(string postId, ClickStreamEventType type, long timeMs) =>
        Event(postId, type, timeMs).ToByteArray();

    private static ClickStreamEvent Event(string postId, ClickStreamEventType type, long timeMs) => new()
    {
        EventId = "e-1",
        PostId = postId,
        Type = type,
        EventTimeUnixMs = timeMs,
    };
}
