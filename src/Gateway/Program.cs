using Bandit.Gateway;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

// A gateway on its own: an Orleans client in front of a cluster that already runs.
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
    // The gateway's defaults have a file name of their own: a silo references this project, and a second
    // appsettings.json would overwrite the silo's in its output folder. Lowest precedence, so environment
    // variables and the command line still win.
    var defaults = new JsonConfigurationSource
    {
        Path = Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"),
        Optional = false,
    };
    defaults.ResolveFileProvider();
    builder.Configuration.Sources.Insert(0, defaults);
    builder.UseBanditClusterClient();
    builder.Services.AddBanditGateway(builder.Configuration);

    var app = builder.Build();
    app.MapBanditGateway();
    app.Run();
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or IOException
    or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"bandit-gateway: {ex.Message}");
    return 1;
}
