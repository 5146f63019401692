namespace Bandit.Tools.Report;

/// <summary>One record of a topic: where it is, when the broker took it, and its value.</summary>
internal sealed record TopicRecord(int Partition, long Offset, long AppendTimeUnixMs, byte[] Value);
