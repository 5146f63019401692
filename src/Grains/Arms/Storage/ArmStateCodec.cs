using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Bandit.Grains.Arms.Storage;

/// <summary>
/// The stored form of an <see cref="ArmState"/>: a compact little-endian record, one per post in its shard's
/// hash. Compact because a million arms are written at tens of thousands per second; versioned by its first
/// byte so that a later layout can still read this one.
/// </summary>
internal static class ArmStateCodec
{
    private const byte Layout = 1;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Known = 1,
        Retired = 2,
        CutCopy = 4,
        CutCopyArm = 8,
    }

    /// <summary>The stored bytes of <paramref name="arm"/>.</summary>
    public static byte[] Encode(ArmState arm)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + 12 * arm.AppliedOffsets.Length + 8 * arm.RecentEventKeys.Length);
        var flags = (arm.Known ? Flags.Known : Flags.None) | (arm.Retired ? Flags.Retired : Flags.None)
            | (arm.CutCopy is null ? Flags.None : Flags.CutCopy)
            | (arm.CutCopy?.Arm is null ? Flags.None : Flags.CutCopyArm);
        WriteByte(buffer, Layout);
        WriteByte(buffer, (byte)flags);
        WriteByte(buffer, (byte)arm.PriorSource);
        WriteDouble(buffer, arm.PriorAlpha);
        WriteDouble(buffer, arm.PriorBeta);
        WriteLong(buffer, arm.Impressions);
        WriteLong(buffer, arm.Clicks);
        WriteLong(buffer, arm.LastEventTimeUnixMs);
        WriteLong(buffer, arm.Version);
        WriteLong(buffer, arm.Duplicates);
        WriteDouble(buffer, arm.EvidenceImpressions);
        WriteDouble(buffer, arm.EvidenceClicks);
        WriteInt(buffer, arm.AppliedOffsets.Length);
        foreach (var (partition, offset) in arm.AppliedOffsets)
        {
            WriteInt(buffer, partition);
            WriteLong(buffer, offset);
        }

        WriteInt(buffer, arm.RecentEventKeys.Length);
        WriteInt(buffer, arm.RecentEventNext);
        foreach (var key in arm.RecentEventKeys)
        {
            WriteLong(buffer, (long)key);
        }

        if (arm.CutCopy is { } copy)
        {
            var id = Encoding.UTF8.GetBytes(copy.CutId);
            WriteInt(buffer, id.Length);
            buffer.Write(id);
            if (copy.Arm is { } at)
            {
                WriteByte(buffer, (byte)at.PriorSource);
                WriteByte(buffer, at.Retired ? (byte)1 : (byte)0);
                WriteDouble(buffer, at.PriorAlpha);
                WriteDouble(buffer, at.PriorBeta);
                WriteLong(buffer, at.Impressions);
                WriteLong(buffer, at.Clicks);
                WriteLong(buffer, at.LastEventTimeUnixMs);
                WriteLong(buffer, at.Version);
                WriteDouble(buffer, at.EvidenceImpressions);
                WriteDouble(buffer, at.EvidenceClicks);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The arm of <paramref name="postId"/> stored as <paramref name="stored"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a stored arm of a layout this version reads.</exception>
    public static ArmState Decode(string postId, ReadOnlySpan<byte> stored)
    {
        var reader = new Reader(stored);
        var layout = reader.Byte();
        if (layout != Layout)
        {
            throw new FormatException($"Stored arm of post '{postId}' has layout {layout}; this version reads {Layout}.");
        }

        var flags = (Flags)reader.Byte();
        var arm = new ArmState(postId)
        {
            Known = flags.HasFlag(Flags.Known),
            Retired = flags.HasFlag(Flags.Retired),
            PriorSource = (PriorSource)reader.Byte(),
            PriorAlpha = reader.Double(),
            PriorBeta = reader.Double(),
            Impressions = reader.Long(),
            Clicks = reader.Long(),
            LastEventTimeUnixMs = reader.Long(),
            Version = reader.Long(),
            Duplicates = reader.Long(),
            EvidenceImpressions = reader.Double(),
            EvidenceClicks = reader.Double(),
        };

        var offsets = new PartitionOffset[reader.Count(12)];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = new PartitionOffset(reader.Int(), reader.Long());
        }

        arm.AppliedOffsets = offsets;
        var keys = new ulong[reader.Count(8)];
        arm.RecentEventNext = reader.Int();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ulong)reader.Long();
        }

        arm.RecentEventKeys = keys;
        if (flags.HasFlag(Flags.CutCopy))
        {
            var cutId = Encoding.UTF8.GetString(reader.Bytes(reader.Count(1)));
            ArmSnapshot? at = null;
            if (flags.HasFlag(Flags.CutCopyArm))
            {
                var source = (PriorSource)reader.Byte();
                var retired = reader.Byte() != 0;
                at = new ArmSnapshot(
                    postId,
                    PriorAlpha: reader.Double(),
                    PriorBeta: reader.Double(),
                    Impressions: reader.Long(),
                    Clicks: reader.Long(),
                    LastEventTimeUnixMs: reader.Long(),
                    Version: reader.Long(),
                    EvidenceImpressions: reader.Double(),
                    EvidenceClicks: reader.Double(),
                    source,
                    retired);
            }

            arm.CutCopy = new ArmCutCopy(cutId, at);
        }

        return arm;
    }

    private static void WriteByte(IBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    private static void WriteInt(IBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void WriteLong(IBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void WriteDouble(IBufferWriter<byte> buffer, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    // Reads in order and refuses, rather than misreads, a record that ends early.
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public byte Byte() => Bytes(1)[0];

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));

        // A count of items of at least itemSize bytes each, checked against what is left.
        public int Count(int itemSize)
        {
            var count = Int();
            if (count < 0 || (long)count * itemSize > _rest.Length)
            {
                throw new FormatException($"Stored arm holds a count of {count} that its bytes cannot hold.");
            }

            return count;
        }

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (_rest.Length < length)
            {
                throw new FormatException("Stored arm ends early.");
            }

            var taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }
    }
}
