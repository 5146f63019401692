using Bandit.Silo;
using Microsoft.Extensions.Options;

try
{
    // Content root beside the binaries, so appsettings.json is found whatever the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.AddBanditSilo();

    var app = builder.Build();
    app.MapBanditSilo();
    app.Run();
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or IOException
    or System.Net.Sockets.SocketException or StackExchange.Redis.RedisConnectionException)
{
    // A refused configuration is the operator's to fix: say what, without a stack trace.
    Console.Error.WriteLine($"bandit-silo: {ex.Message}");
    return 1;
}
