namespace KConnector.Connectors.Http.Configuration;

/// <summary><c>http.pagination.mode</c>: how the HTTP source walks the pages of one listing.</summary>
public enum HttpPaginationMode
{
    /// <summary>One request per round.</summary>
    None,

    /// <summary>
    /// The response names the next page at http.next.page.json.pointer (Salesforce's
    /// <c>nextRecordsUrl</c>): a URL (absolute or relative) is requested as it is, any other value
    /// is sent as the http.cursor.param query parameter. Absent or null ends the listing.
    /// </summary>
    Cursor,

    /// <summary>A page number in http.page.param, from http.page.start, until a page is empty.</summary>
    Page,
}
