using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Concord.Web.Tests.Infrastructure;

/// <summary>
/// Drives pages the way a browser without JavaScript does: reads HTML, fills and submits forms
/// (with their hidden fields, antiforgery token included), and keeps cookies.
/// </summary>
public static class Browser
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// Opens <paramref name="url"/>, takes the form matched by <paramref name="formSelector"/>,
    /// overrides or adds <paramref name="fields"/>, and submits it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formSelector, params (string Name, string Value)[] fields)
    {
        var (page, document) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {url}");
        return await client.SubmitAsync(form, fields);
    }

    /// <summary>
    /// Submits a form as a browser would: every control's current value (text, hidden, checked
    /// radios and checkboxes, selected options, text areas), with <paramref name="fields"/>
    /// replacing the values of the controls they name.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, params (string Name, string Value)[] fields)
    {
        var current = new List<(string Name, string Value)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    current.Add((input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    current.Add((area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    current.Add((select.Name, select.Value ?? string.Empty));
                    break;
            }
        }

        var named = fields.Select(f => f.Name).ToHashSet();
        var values = current.Where(c => !named.Contains(c.Name)).Concat(fields)
            .Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
            .ToList();
        var action = new Uri(new Uri(form.BaseUri), form.GetAttribute("action") ?? string.Empty);
        return await client.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="url"/> with a valid antiforgery token
    /// taken from the first post form on <paramref name="tokenFrom"/>, as a page of the app would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string tokenFrom, params (string Name, string Value)[] fields)
    {
        var (_, document) = await client.GetPageAsync(tokenFrom);
        var token = document.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenFrom}");
        var values = fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the sign-in page and returns the client, cookies set.</summary>
    public static async Task<HttpClient> SignInAsync(this ConcordApp app, string email, string password = Infrastructure.DemoPassword.Value)
    {
        var client = app.Anonymous();
        var response = await client.SubmitAsync("/sign-in", "main form", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The text of the first element matching <paramref name="selector"/>, its whitespace collapsed as a browser shows it.</summary>
    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector) is { } element
            ? string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : throw new InvalidOperationException($"Nothing matches '{selector}'");

    public static IReadOnlyList<string> ErrorMessages(this IDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}

public static class DemoPassword
{
    public const string Value = Concord.Web.Infrastructure.Demo.DemoData.Password;
}
