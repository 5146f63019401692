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

    // Layout, flags and prior source, then two doubles, five longs and two doubles.
    private const int FixedSize = 3 + 8 * 9;

    // Prior source, retired, then two doubles, four longs and two doubles.
    private const int CutArmSize = 2 + 8 * 8;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Known = 1,
        Retired = 2,
        CutCopy = 4,
        CutCopyArm = 8,
    }

    /// <summary>The stored bytes of <paramref name="arm"/>, in one allocation of the exact size.</summary>
    public static byte[] Encode(ArmState arm)
    {
        var cutId = arm.CutCopy is { } cut ? Encoding.UTF8.GetBytes(cut.CutId) : [];
        var size = FixedSize + 4 + 12 * arm.AppliedOffsets.Length + 8 + 8 * arm.RecentEventCount
            + (arm.CutCopy is null ? 0 : 4 + cutId.Length + (arm.CutCopy.Arm is null ? 0 : CutArmSize));
        var stored = new byte[size];
        var writer = new Writer(stored);
        var flags = (arm.Known ? Flags.Known : Flags.None) | (arm.Retired ? Flags.Retired : Flags.None)
            | (arm.CutCopy is null ? Flags.None : Flags.CutCopy)
            | (arm.CutCopy?.Arm is null ? Flags.None : Flags.CutCopyArm);
        writer.Byte(Layout);
        writer.Byte((byte)flags);
        writer.Byte((byte)arm.PriorSource);
        writer.Double(arm.PriorAlpha);
        writer.Double(arm.PriorBeta);
        writer.Long(arm.Impressions);
        writer.Long(arm.Clicks);
        writer.Long(arm.LastEventTimeUnixMs);
        writer.Long(arm.Version);
        writer.Long(arm.Duplicates);
        writer.Double(arm.EvidenceImpressions);
        writer.Double(arm.EvidenceClicks);
        writer.Int(arm.AppliedOffsets.Length);
        foreach (var (partition, offset) in arm.AppliedOffsets)
        {
            writer.Int(partition);
            writer.Long(offset);
        }

        writer.Int(arm.RecentEventCount);
        writer.Int(arm.RecentEventNext);
        foreach (var key in arm.RecentEventKeys.AsSpan(0, arm.RecentEventCount))
        {
            writer.Long((long)key);
        }

        if (arm.CutCopy is { } copy)
        {
            writer.Int(cutId.Length);
            writer.Bytes(cutId);
            if (copy.Arm is { } at)
            {
                writer.Byte((byte)at.PriorSource);
                writer.Byte(at.Retired ? (byte)1 : (byte)0);
                writer.Double(at.PriorAlpha);
                writer.Double(at.PriorBeta);
                writer.Long(at.Impressions);
                writer.Long(at.Clicks);
                writer.Long(at.LastEventTimeUnixMs);
                writer.Long(at.Version);
                writer.Double(at.EvidenceImpressions);
                writer.Double(at.EvidenceClicks);
            }
        }

        return stored;
    }

    /// <summary>The arm of <paramref name="postId"/> stored as <paramref name="stored"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a stored arm of a layout this version reads.</exception>
    public static ArmState Decode(string postId, ReadOnlySpan<byte> stored)
    {
        try
        {
            return Read(postId, stored);
        }
        catch (FormatException ex)
        {
            // Name the post: a shard refuses to activate over one unreadable record, and someone must find it.
            throw new FormatException($"Stored arm of post '{postId}' cannot be read: {ex.Message}", ex);
        }
    }

    private static ArmState Read(string postId, ReadOnlySpan<byte> stored)
    {
        var reader = new Reader(stored);
        var layout = reader.Byte();
        if (layout != Layout)
        {
            throw new FormatException($"layout {layout}; this version reads {Layout}");
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

        (arm.RecentEventKeys, arm.RecentEventCount) = (keys, keys.Length);
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

    // Writes in order into a buffer sized beforehand.
    private ref struct Writer(Span<byte> buffer)
    {
        private Span<byte> _rest = buffer;

        public void Byte(byte value) => Take(1)[0] = value;

        public void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

        public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

        public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

        public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

        private Span<byte> Take(int length)
        {
            var taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }
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
                throw new FormatException($"a count of {count} that its bytes cannot hold");
            }

            return count;
        }

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (_rest.Length < length)
            {
                throw new FormatException("the record ends early");
            }

            var taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }
    }
}
