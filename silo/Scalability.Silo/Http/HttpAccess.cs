using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Scalability.Silo.Security;

namespace Scalability.Silo.Http;

/// <summary>
/// Who may use the silo's HTTP endpoint. On loopback without a token, anyone on the machine (as before). Off loopback a
/// token is required, and with a token every path but <c>/healthz</c> (for probes) asks for it: an
/// <c>Authorization: Bearer</c> header (scrapers, scripts), or, for a browser, <c>?token=</c> once, which sets an
/// HttpOnly cookie and redirects to the same page without it, so that the page's own requests carry the cookie.
/// </summary>
public static class HttpAccess
{
    public const string TokenVariable = "SCALE_HTTP_TOKEN";
    public const string CookieName = "scale_http_token";
    public const string QueryName = "token";
    public const string HealthPath = "/healthz";

    /// <summary>Shorter tokens are refused: the endpoint may face a network.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Why a silo with these settings must not start its HTTP endpoint; null when it may.</summary>
    public static string? Refusal(Uri? http, SecretText? token)
    {
        if (token is not null && token.Value.Length < MinimumTokenLength)
        {
            return $"the HTTP token must be at least {MinimumTokenLength} characters (got {token.Value.Length})";
        }

        return http is not null && token is null && !http.IsLoopback
            ? $"--http {http} is not a loopback address, and everything there but {HealthPath} would be open to the network: " +
              $"give a token with --http-token-file <file> or {TokenVariable} (or bind to 127.0.0.1)"
            : null;
    }

    /// <summary>Asks every request but the health check for the token.</summary>
    public static void UseHttpToken(this WebApplication app, SecretText token)
    {
        var expected = Digest(token.Value);
        var cookieValue = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("scale-http-cookie:" + token.Value)));
        var expectedCookie = Digest(cookieValue);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(HealthPath))
            {
                await next(context);
                return;
            }

            if (request.Query.TryGetValue(QueryName, out var given))
            {
                if (Matches(given, expected))
                {
                    context.Response.Cookies.Append(CookieName, cookieValue, new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Strict,
                        Secure = request.IsHttps,
                        Path = "/",
                    });
                    var rest = QueryString.Create(request.Query.Where(q => q.Key != QueryName));
                    context.Response.Redirect($"{request.PathBase}{request.Path}{rest}");
                    return;
                }
            }
            else if (Bearer(request) is { } bearer ? Matches(bearer, expected)
                     : request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie, expectedCookie))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"scalability\"";
            await context.Response.WriteAsync(
                $"401 unauthorized: this silo's HTTP endpoint needs its token: an 'Authorization: Bearer <token>' header, " +
                $"or ?{QueryName}=<token> once in a browser\n");
        });
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    // Hashing first makes the comparison take the same time whatever the given token's length.
    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static bool Matches(StringValues given, byte[] expected) =>
        given.Count == 1 && given[0] is { } text && CryptographicOperations.FixedTimeEquals(Digest(text), expected);
}
