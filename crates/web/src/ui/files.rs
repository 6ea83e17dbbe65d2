//! Moving text in and out of the browser as files: downloads and the file picker.
//! What the text means is `exchange`'s business, not this module's.

use mdr_domain::consolidate::Csv;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// Offers a CSV for Excel as `<stem>-<today, as 2026-11-23>.csv`.
pub fn download_csv(stem: &str, csv: &Csv) -> Result<(), JsValue> {
    let today = mdr_domain::model::dates::iso_date(chrono::Local::now().date_naive());
    download_text(
        &format!("{stem}-{today}.csv"),
        &csv.text(),
        "text/csv;charset=utf-8",
    )
}

/// Offers `text` to the person as a downloaded file called `file_name`.
pub fn download_text(file_name: &str, text: &str, mime_type: &str) -> Result<(), JsValue> {
    download(file_name, &JsValue::from_str(text), mime_type)
}

/// Offers `bytes` to the person as a downloaded file called `file_name`.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime_type: &str) -> Result<(), JsValue> {
    download(file_name, &js_sys::Uint8Array::from(bytes), mime_type)
}

/// Offers one part (a string or bytes) as a downloaded file.
fn download(file_name: &str, part: &JsValue, mime_type: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(part);
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_buffer_source_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads a chosen file's bytes as they are: whether they are text is for `exchange` to
/// say ([`mdr_domain::exchange::file_text`]), since the browser would quietly replace what is
/// not UTF-8.
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, JsValue> {
    start_reading(file).await
}

/// Starts reading a file at once and returns the reading to await later, so that the
/// browser can read several files while others are being merged. The bytes are copied
/// into the app as they are, rather than decoded by the browser and encoded again: for
/// many files that is most of the cost of reading them.
pub fn start_reading(
    file: &File,
) -> impl std::future::Future<Output = Result<Vec<u8>, JsValue>> + use<> {
    let reading = JsFuture::from(file.array_buffer());
    async move { Ok(js_sys::Uint8Array::new(&reading.await?).to_vec()) }
}
