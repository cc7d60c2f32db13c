//! `/api/articles`: the articles of a story, and a new article to read.

use super::*;
use crate::fetch::Fetcher;

pub(super) async fn list_articles(
    State(state): State<AppState>,
    params: TimelineQuery,
) -> Result<Response, ApiError> {
    let timeline = params?.0.name();
    let response = state
        .cached_json(format!("articles {timeline}"), move |c| {
            Ok(Some(serde_json::to_string(&read::articles(c, &timeline)?)?))
        })
        .await?;
    response.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no articles")))
}

/// `text/plain` bodies are taken only when writes need a token: browsers send them to any
/// site without asking first (no CORS preflight), so without a token they would be the
/// easiest cross-site write.
pub(super) fn plain_text_allowed(state: &AppState) -> Result<(), ApiError> {
    if state.inner.config.token.is_some() {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType(
            "text/plain is taken only when the service runs with --token; send the article as \
             application/json (or an import as text/csv)"
                .into(),
        ))
    }
}

pub(super) fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Metadata given as query parameters with a `text/plain` body.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ArticleParams {
    timeline: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// `article` (a URL and no text) read from the page fetched at `url`: a URL that is not
/// fetched (scheme, private address) is a 422, a page that cannot be had a 502.
async fn fetched(state: &AppState, article: NewArticle, url: &str) -> Result<NewArticle, ApiError> {
    let fetcher = Fetcher::new(state.inner.config.allow_private_fetch);
    let page = fetcher.fetch(url).await.map_err(|e| {
        if e.is_request_error() {
            ApiError::Unprocessable(e.to_string())
        } else {
            ApiError::BadGateway(e.to_string())
        }
    })?;
    state
        .cpu(move || article.with_page(&page))
        .await?
        .map_err(|e| ApiError::Unprocessable(format!("{e:#}")))
}

pub(super) async fn post_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ArticleParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestOutcome>), ApiError> {
    let body = body?;
    let Query(p) = params?;
    let timeline = TimelineParam {
        timeline: p.timeline.clone(),
    }
    .name();
    state.check_timeline(&timeline).await?;
    let content_type = content_type(&headers);
    let article = if content_type.starts_with("application/json") {
        serde_json::from_slice::<NewArticle>(&body)
            .map_err(|e| ApiError::BadRequest(format!("malformed JSON: {e}")))?
    } else if content_type.starts_with("text/plain") {
        plain_text_allowed(&state)?;
        let text = String::from_utf8(body.to_vec()).map_err(|e| {
            ApiError::Unprocessable(format!(
                "the body is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        NewArticle {
            text,
            published: p.published,
            lang: p.lang,
            title: p.title,
            url: p.url,
            credit: None,
        }
    } else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send the article as application/json or text/plain, not {:?}",
            content_type
        )));
    };
    let mut article = article;
    article.check_url().map_err(ApiError::Unprocessable)?;
    if article.text.trim().is_empty()
        && let Some(url) = article.url.clone()
    {
        article = fetched(&state, article, &url).await?;
    }
    let (article, extraction) = state
        .cpu(move || {
            let extraction = article.extract();
            (article, extraction)
        })
        .await?;
    let extraction = extraction.map_err(|e| ApiError::Unprocessable(e.to_string()))?;
    let title = article.title_or_first_line();
    let outcome = state
        .with_store(move |s| {
            let meta = ArticleMeta {
                title: title.as_deref(),
                url: article.url.as_deref(),
                credit: article.credit.as_deref(),
            };
            s.ingest(&timeline, &article.text, &meta, &extraction)
        })
        .await?;
    let status = if outcome.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(outcome)))
}
