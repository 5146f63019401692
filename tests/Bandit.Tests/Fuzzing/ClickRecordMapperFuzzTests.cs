using System.Diagnostics;
using Bandit.Contracts.Events.V1;
using Bandit.Grains;
using Bandit.Grains.Ingest;
using Bandit.Streaming.Kafka;
using Confluent.Kafka;
using CsCheck;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bandit.Tests.Fuzzing;

/// <summary>
/// Whatever bytes a Kafka producer writes, the mapper answers: an event that passes every rule, or a rejection
/// with a reason (a dead letter). It never throws and never takes long.
/// </summary>
public sealed class ClickRecordMapperFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    // Post ids and other strings: mostly near the rules (allowed characters, lengths around 128), some arbitrary.
    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.Char["abcXYZ019-_.:/@"].Array[0, 140].Select(chars => new string(chars))),
        (1, Gen.String[0, 40]),
        (1, Gen.Char["a \t\n\0\u00e9\u202e\ud800"].Array[0, 10].Select(chars => new string(chars))));

    private static readonly Gen<long> Millis = Gen.Frequency(
        (3, Gen.Long[946_684_800_000L, 1_900_000_000_000L]),
        (1, Gen.Long));

    private static readonly Gen<byte[]> WellFormed = Gen.Select(Text, Gen.Int[-2, 4], Millis, Text, Gen.Int)
        .Select((postId, type, millis, eventId, position) => new ClickStreamEvent
        {
            PostId = postId,
            Type = (ClickStreamEventType)type,
            EventTimeUnixMs = millis,
            EventId = eventId,
            Position = position,
        }.ToByteArray());

    // Valid messages with one byte changed, cut short or with garbage after them.
    private static readonly Gen<byte[]> Mutated = Gen.Select(WellFormed, Gen.Int[0, 1000], Gen.Byte, Gen.Int[0, 2])
        .Select((bytes, at, value, how) => how switch
        {
            0 when bytes.Length > 0 => Replace(bytes, at % bytes.Length, value),
            1 => bytes[..(at % (bytes.Length + 1))],
            _ => [.. bytes, value, .. bytes],
        });

    private static readonly Gen<byte[]?> Value = Gen.Frequency(
        (3, WellFormed.Select(b => (byte[]?)b)),
        (3, Mutated.Select(b => (byte[]?)b)),
        (2, Gen.Byte.Array[0, 300].Select(b => (byte[]?)b)),
        (1, Gen.Const((byte[]?)null)));

    private static readonly Gen<byte[]?> Key = Gen.Frequency(
        (6, Gen.Byte.Array[1, 40].Select(b => (byte[]?)b)),
        (1, Gen.Const((byte[]?)null)),
        (1, Gen.Const((byte[]?)[])));

    [Fact]
    public void Decode_AnyRecord_IsAValidEventOrARejectionWithAReason()
    {
        Gen.Select(Key, Value, Gen.Long[0, long.MaxValue]).Sample((key, value, offset) =>
        {
            var clock = Stopwatch.StartNew();
            var decoded = ClickRecordMapper.Decode(key, value, offset, Now, out var reason);

            Assert.True(clock.Elapsed < Slow, $"decoding took {clock.Elapsed}");
            if (decoded is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(reason));
                return;
            }

            Assert.Equal("", reason);
            Assert.Null(PostIdRules.Validate(decoded.PostId));
            Assert.Null(EventTimeRules.Validate(decoded.EventTimeUnixMs, Now));
            Assert.True(decoded.Kind is ArmEventKind.Impression or ArmEventKind.Click);
            Assert.Equal(offset, decoded.Offset);
            Assert.NotNull(key);
            Assert.NotEmpty(key);
        }, iter: 20_000);
    }

    [Fact]
    public void Map_AnyBatch_AccountsForEveryRecordWithoutThrowing()
    {
        var mapper = new ClickRecordMapper(new FixedClock(Now), NullLogger<ClickRecordMapper>.Instance);

        Gen.Select(Key, Value).Array[1, 30].Sample(records =>
        {
            var consumed = records.Select((r, i) => new ConsumeResult<byte[]?, byte[]?>
            {
                Topic = "clicks",
                Partition = new Partition(3),
                Offset = new Offset(100 + i),
                Message = new Message<byte[]?, byte[]?> { Key = r.Item1, Value = r.Item2 },
            });
            var batch = new KafkaRecordBatch("clicks", 3, [.. consumed]);

            var items = mapper.Map(batch);

            var item = Assert.IsType<ClickEventBatch>(Assert.Single(Assert.Single(items).Items));
            Assert.Equal(records.Length, item.Events.Length + item.Rejected.Length);
            Assert.Equal(99 + records.Length, item.LastOffset);
            Assert.All(item.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        }, iter: 2_000);
    }

    private static byte[] Replace(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
