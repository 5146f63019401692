using System.Runtime.InteropServices;
using static System.Runtime.InteropServices.StringMarshalling;

namespace Bandit.DevBroker;

/// <summary>
/// The few librdkafka entry points the mock cluster needs. The mock API is marked experimental
/// by librdkafka (no ABI promise), so these signatures are pinned to librdkafka.redist 2.16.0.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>The library name that <see cref="LibrdkafkaResolver"/> maps to a file.</summary>
    public const string Library = "librdkafka";

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    public const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    public const int ConfOk = 0;

    /// <summary>rd_kafka_resp_err_t RD_KAFKA_RESP_ERR_NO_ERROR.</summary>
    public const int NoError = 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    public static partial nint ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = Utf8)]
    public static unsafe partial int ConfSet(
        nint conf,
        string name,
        string value,
        byte* errstr,
        nuint errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(nint conf);

    /// <remarks>Takes ownership of <paramref name="conf"/> only when it succeeds.</remarks>
    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    public static unsafe partial nint New(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    public static partial void Destroy(nint rk);

    [LibraryImport(Library, EntryPoint = "rd_kafka_err2str")]
    public static partial nint ErrorToString(int err);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial nint MockClusterNew(nint rk, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void MockClusterDestroy(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial nint MockClusterBootstraps(nint cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = Utf8)]
    public static partial int MockTopicCreate(
        nint cluster,
        string topic,
        int partitionCount,
        int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void MockGroupInitialRebalanceDelayMs(nint cluster, int delayMs);

    /// <summary>The librdkafka text for an error code.</summary>
    public static string DescribeError(int err) =>
        Marshal.PtrToStringUTF8(ErrorToString(err)) ?? $"librdkafka error {err}";
}
