using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Bandit.DevBroker;

/// <summary>
/// A Kafka-protocol broker for development and tests: librdkafka's built-in mock cluster, listening
/// on 127.0.0.1 only. It keeps everything in memory; disposing it loses every topic and offset.
/// </summary>
public sealed partial class MockKafkaCluster : IDisposable, IAsyncDisposable
{
    private const int ErrorBufferSize = 512;

    private readonly Lock _gate = new();
    private readonly int _replicationFactor;
    private readonly string _mockBootstraps;
    private readonly IPEndPoint? _firstBroker;
    private nint _handle;
    private nint _cluster;
    private TcpForwarder? _forwarder;

    private MockKafkaCluster(nint handle, nint cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;

        // The mock's own auto-create uses the same rule; it does not replicate anything either way.
        _replicationFactor = Math.Min(brokerCount, 3);
        _mockBootstraps = Marshal.PtrToStringUTF8(NativeMethods.MockClusterBootstraps(cluster)) ?? "";
        _firstBroker = ParseFirstBroker(_mockBootstraps);
        BootstrapServers = _mockBootstraps;
    }

    /// <summary>
    /// The <c>bootstrap.servers</c> value for clients, in <c>127.0.0.1:PORT</c> form: the forwarder's
    /// fixed port when <see cref="MockKafkaClusterOptions.Port"/> is set, otherwise the mock brokers'
    /// ephemeral ports (comma-separated when there are several).
    /// </summary>
    public string BootstrapServers { get; private set; }

    /// <summary>
    /// Creates the mock cluster and its topics, sets the group initial rebalance delay to 0 so that
    /// consumers join in milliseconds, and starts the forwarder when a fixed port is asked for.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">
    /// librdkafka refused; the message carries its text.
    /// </exception>
    /// <exception cref="System.Net.Sockets.SocketException">The fixed port could not be bound.</exception>
    public static MockKafkaCluster Start(MockKafkaClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        LibrdkafkaResolver.Register();
        var handle = CreateOwnerHandle();
        var cluster = NativeMethods.MockClusterNew(handle, options.BrokerCount);
        if (cluster == 0)
        {
            NativeMethods.Destroy(handle);
            throw new InvalidOperationException(
                "rd_kafka_mock_cluster_new failed; librdkafka logged the reason on stderr.");
        }

        var mock = new MockKafkaCluster(handle, cluster, options.BrokerCount);
        try
        {
            if (mock._firstBroker is null)
            {
                throw new InvalidOperationException(
                    $"The librdkafka mock cluster reported unusable listeners: '{mock._mockBootstraps}'.");
            }

            NativeMethods.MockGroupInitialRebalanceDelayMs(cluster, 0);
            foreach (var topic in options.Topics)
            {
                mock.CreateTopic(topic.Name, topic.Partitions);
            }

            if (options.Port > 0)
            {
                mock._forwarder = TcpForwarder.Start(options.Port, mock._firstBroker);
                mock.BootstrapServers = $"127.0.0.1:{options.Port}";
            }
        }
        catch
        {
            mock.Dispose();
            throw;
        }

        return mock;
    }

    /// <summary>Creates a topic, as the Kafka admin API would (the mock does not serve that API).</summary>
    /// <param name="name">The topic name: letters, digits, '.', '_' and '-', at most 249 characters.</param>
    /// <param name="partitions">The number of partitions, at least 1.</param>
    /// <exception cref="InvalidOperationException">
    /// librdkafka refused, for instance because the topic exists; the message carries its text.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cluster is disposed.</exception>
    public void CreateTopic(string name, int partitions)
    {
        ValidateTopic(name, partitions, nameof(name), nameof(partitions));

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == 0, this);
            int err;
            using (WakeMockThread())
            {
                err = NativeMethods.MockTopicCreate(_cluster, name, partitions, _replicationFactor);
            }

            if (err != NativeMethods.NoError)
            {
                throw new InvalidOperationException(
                    $"Creating topic '{name}' in the mock cluster failed: "
                    + NativeMethods.DescribeError(err));
            }
        }
    }

    /// <summary>
    /// Stops the forwarder, then destroys the mock cluster and the librdkafka handle that owns it.
    /// Clients still connected see their connections close. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        var forwarder = Interlocked.Exchange(ref _forwarder, null);
        forwarder?.Dispose();
        DestroyNative();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        var forwarder = Interlocked.Exchange(ref _forwarder, null);
        if (forwarder is not null)
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
        }

        DestroyNative();
    }

    private void DestroyNative()
    {
        lock (_gate)
        {
            // The cluster borrows the handle, so it goes first.
            if (_cluster != 0)
            {
                using (WakeMockThread())
                {
                    NativeMethods.MockClusterDestroy(_cluster);
                }

                _cluster = 0;
            }

            if (_handle != 0)
            {
                NativeMethods.Destroy(_handle);
                _handle = 0;
            }
        }
    }

    private MockThreadWaker? WakeMockThread() =>
        _firstBroker is null ? null : MockThreadWaker.Start(_firstBroker);

    private static IPEndPoint? ParseFirstBroker(string bootstraps)
    {
        // The mock lists "127.0.0.1:PORT" per broker; only the port matters, it binds loopback.
        var first = bootstraps.Split(',')[0].Trim();
        var portText = first[(first.LastIndexOf(':') + 1)..];

        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= IPEndPoint.MaxPort
            ? new IPEndPoint(IPAddress.Loopback, port)
            : null;
    }

    private static unsafe nint CreateOwnerHandle()
    {
        var conf = NativeMethods.ConfNew();
        byte* errstr = stackalloc byte[ErrorBufferSize];
        try
        {
            // The handle only owns the cluster; it never talks to a broker, so keep its log quiet.
            SetConf(conf, "client.id", "bandit-devbroker", errstr);
            SetConf(conf, "log_level", "3", errstr);
        }
        catch
        {
            NativeMethods.ConfDestroy(conf);
            throw;
        }

        var handle = NativeMethods.New(NativeMethods.ProducerType, conf, errstr, ErrorBufferSize);
        if (handle == 0)
        {
            // rd_kafka_new only takes ownership of the configuration when it succeeds.
            NativeMethods.ConfDestroy(conf);
            throw new InvalidOperationException($"rd_kafka_new failed: {ReadError(errstr)}");
        }

        return handle;
    }

    private static unsafe void SetConf(nint conf, string name, string value, byte* errstr)
    {
        if (NativeMethods.ConfSet(conf, name, value, errstr, ErrorBufferSize) != NativeMethods.ConfOk)
        {
            throw new InvalidOperationException($"rd_kafka_conf_set({name}) failed: {ReadError(errstr)}");
        }
    }

    private static unsafe string ReadError(byte* errstr) =>
        Marshal.PtrToStringUTF8((nint)errstr) ?? "no error text";

    private static void Validate(MockKafkaClusterOptions options)
    {
        if (options.BrokerCount < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.BrokerCount,
                "MockKafkaClusterOptions.BrokerCount must be at least 1.");
        }

        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.Port,
                "MockKafkaClusterOptions.Port must be 0 (no forwarder) or a TCP port up to 65535.");
        }

        foreach (var topic in options.Topics)
        {
            ArgumentNullException.ThrowIfNull(topic, nameof(options));
            ValidateTopic(topic.Name, topic.Partitions, nameof(options), nameof(options));
        }
    }

    private static void ValidateTopic(
        [NotNull] string? name,
        int partitions,
        string nameParameter,
        string partitionsParameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, nameParameter);
        if (name.Length > 249 || name is "." or ".." || !TopicName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid Kafka topic name (letters, digits, '.', '_', '-'; at most 249).",
                nameParameter);
        }

        if (partitions < 1)
        {
            throw new ArgumentOutOfRangeException(
                partitionsParameter, partitions, $"Topic '{name}' needs at least one partition.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex TopicName();
}
