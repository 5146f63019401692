using Bandit.Gateway;
using Microsoft.Extensions.Options;

// A gateway on its own: an Orleans client in front of a cluster that already runs.
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
    });
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
