using System.Reflection;
using System.Runtime.InteropServices;

namespace Bandit.DevBroker;

/// <summary>
/// Points <see cref="NativeMethods.Library"/> at the file librdkafka.redist ships. The default Linux
/// build needs libsasl2.so.3, which Debian 12 lacks, so we fall back to the CentOS 8 build the way
/// Confluent.Kafka does; both then load the same file when they share a process.
/// </summary>
internal static class LibrdkafkaResolver
{
    private static readonly Lock _gate = new();
    private static bool _registered;

    /// <summary>Registers the resolver for this assembly; later calls do nothing.</summary>
    public static void Register()
    {
        lock (_gate)
        {
            if (_registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaResolver).Assembly, Resolve);
            _registered = true;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library)
        {
            return 0;
        }

        foreach (var path in CandidatePaths())
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        // Let the runtime's own probing try (and report what it could not find).
        return 0;
    }

    private static IEnumerable<string> CandidatePaths()
    {
        var roots = new List<string> { AppContext.BaseDirectory };
        var assemblyDirectory = Path.GetDirectoryName(typeof(LibrdkafkaResolver).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory) && !roots.Contains(assemblyDirectory))
        {
            roots.Add(assemblyDirectory);
        }

        var rid = RuntimeIdentifier();
        foreach (var root in roots)
        {
            foreach (var file in FileNames())
            {
                // Framework-dependent builds keep natives per RID; RID-specific publishes flatten them.
                if (rid is not null)
                {
                    yield return Path.Combine(root, "runtimes", rid, "native", file);
                }

                yield return Path.Combine(root, file);
            }
        }
    }

    private static string[] FileNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["librdkafka.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["librdkafka.dylib"];
        }

        // The musl build is last: it only loads where glibc is absent.
        return ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];
    }

    private static string? RuntimeIdentifier()
    {
        var os = OperatingSystem.IsLinux() ? "linux"
            : OperatingSystem.IsMacOS() ? "osx"
            : OperatingSystem.IsWindows() ? "win"
            : null;
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.X86 => "x86",
            Architecture.Arm64 => "arm64",
            Architecture.S390x => "s390x",
            _ => null,
        };

        return os is null || arch is null ? null : $"{os}-{arch}";
    }
}
