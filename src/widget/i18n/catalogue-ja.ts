/** 日本語のメッセージカタログ: お客さまに分かる言葉と、次にすること。 */
import type { Catalogue, Msg } from './catalogue-types.js';

const m = (title: string, action: string): Msg => ({ title, action });

const RETRY = 'もう一度お試しください。';
const START_OVER = 'お申込み先の画面に戻り、最初からやり直してください。';
const CONTACT = '繰り返し表示される場合は、お申込み先にお問い合わせください。';
const CARD_BROKEN = 'カードを読み取れませんでした。カードを置き直して、もう一度お試しください。';

export const JA: Catalogue = {
  hints: {
    waiting_for_user: m('お手続きの途中です', '画面の案内に沿って進めてください。'),
    signing: m('署名を確認しています', 'このままお待ちください。'),
    signature_invalid: m('電子署名を確認できませんでした', `${START_OVER}${CONTACT}`),
    certificate_revoked: m(
      'マイナンバーカードの署名用電子証明書が失効しています',
      '引っ越しや氏名の変更、カードの再発行などで証明書は失効します。お住まいの市区町村の窓口で署名用電子証明書を発行し直してから、もう一度お手続きください。',
    ),
    certificate_expired: m(
      '署名用電子証明書の有効期限が切れています',
      'お住まいの市区町村の窓口で署名用電子証明書を更新してから、もう一度お手続きください。',
    ),
    certificate_not_yet_valid: m('署名用電子証明書がまだ有効になっていません', `しばらくしてから${RETRY}`),
    certificate_not_trusted: m(
      'このカードの証明書を確認できませんでした',
      'マイナンバーカード（公的個人認証）の署名用電子証明書をお使いか確認してください。',
    ),
    certificate_not_accepted: m(
      'この証明書ではお手続きできません',
      '署名用電子証明書（英数字6〜16桁のパスワード）を使ってください。利用者証明用（数字4桁）では署名できません。',
    ),
    revocation_unavailable: m('証明書が有効かどうかを今は確認できません', `時間をおいて${RETRY}`),
    card_data_invalid: m(
      'カードの券面情報（マイナンバー）を確認できませんでした',
      '署名に使ったものと同じカードで、最初からもう一度お手続きください。',
    ),
    expired: m('お手続きの有効期限が切れました', START_OVER),
    cancelled_by_rp: m('お申込み先がお手続きを取り消しました', 'お申込み先の画面に戻ってください。'),
  },
  codes: {
    ERR_SESSION_INPUT: m('お手続きの内容に不備があります', `${START_OVER}${CONTACT}`),
    ERR_SESSION_SCOPE: m('お申込み先はこのお手続きを利用できません', 'お申込み先にお問い合わせください。'),
    ERR_SESSION_ORIGIN_NOT_ALLOWED: m(
      'お申込み先のサイトが登録されたものと違います',
      'このページで手続きを続けないでください。お申込み先の正しいサイトからやり直してください。',
    ),
    ERR_SESSION_NOT_FOUND: m('お手続きが見つかりません', START_OVER),
    ERR_SESSION_STATE: m('このお手続きはすでに終わっています', 'お申込み先の画面に戻って結果をご確認ください。'),
    ERR_SESSION_EXPIRED: m('お手続きの有効期限が切れました', START_OVER),
    ERR_SESSION_CLIENT_TOKEN: m(
      'このお手続きの画面はもう使えません',
      'すでに完了したか、期限が切れています。お申込み先の画面に戻ってください。',
    ),
    ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: m(
      'このカードの証明書ではお手続きできません',
      'マイナンバーカードの署名用電子証明書をお使いください。',
    ),
    ERR_SESSION_NOT_PREPARED: m('署名の準備ができていません', RETRY),
    ERR_SESSION_SIGNATURE_REPLAYED: m('この署名はすでに送信されています', START_OVER),
    ERR_SESSION_NONCE_USED: m('このお手続きはすでに使われています', START_OVER),
    ERR_SESSION_CHALLENGE_USED: m('カードの確認はすでに使われています', START_OVER),
    ERR_SESSION_CARD_DATA_REQUIRED: m(
      'カードの券面情報の読み取りが必要です',
      '券面事項入力補助用の暗証番号（数字4桁）を入力してください。',
    ),
    ERR_SESSION_CARD_DATA_UNEXPECTED: m('このお手続きではマイナンバーを読み取りません', RETRY),
    ERR_SESSION_DOCUMENT_CONTENT_REQUIRED: m('書類の内容を確認できません', 'お申込み先にお問い合わせください。'),
    ERR_SESSION_SIGNING_TIME: m(
      '署名の時刻がお手続きの期間外です',
      '端末の時計が正しいか確認してから、最初からやり直してください。',
    ),
    ERR_CARD_EF0001_MALFORMED: m('カードからマイナンバーを正しく読み取れませんでした', CARD_BROKEN),
    ERR_CARD_EF0002_MALFORMED: m('カードから基本4情報を正しく読み取れませんでした', CARD_BROKEN),
    ERR_CARD_EF0003_MALFORMED: m('カードの券面情報の改ざん防止データを読み取れませんでした', CARD_BROKEN),
    ERR_CARD_EF0004_MALFORMED: m('カードの券面情報の証明書を読み取れませんでした', CARD_BROKEN),
    ERR_CARD_EF0007_MALFORMED: m('カードの鍵の情報を読み取れませんでした', CARD_BROKEN),
    ERR_CARD_CV_CA_UNKNOWN: m(
      'このカードの発行元を確認できませんでした',
      'マイナンバーカードをお使いか確認してください。',
    ),
    ERR_CARD_CV_SIGNATURE_INVALID: m(
      'カードが本物であることを確認できませんでした',
      'マイナンバーカードをお使いか確認してください。',
    ),
    ERR_CARD_INTEGRITY_SIGNATURE_INVALID: m('カードの券面情報が本物であることを確認できませんでした', CONTACT),
    ERR_CARD_MY_NUMBER_HASH_MISMATCH: m('カードのマイナンバーが改ざん防止データと一致しません', CONTACT),
    ERR_CARD_BASIC_FOUR_HASH_MISMATCH: m('カードの基本4情報が改ざん防止データと一致しません', CONTACT),
    ERR_CARD_KEY_SIGNATURE_INVALID: m('カードの鍵を確認できませんでした', CARD_BROKEN),
    ERR_CARD_CHALLENGE_SIGNATURE_INVALID: m(
      'カードがその場にあることを確認できませんでした',
      'カードを読み取り機やスマートフォンにかざしたまま、最初からやり直してください。',
    ),
    ERR_CARD_NAME_MISMATCH: m(
      'カードの券面の氏名と署名用電子証明書の氏名が一致しません',
      '署名と券面情報の読み取りには同じカードを使ってください。氏名を変更した場合は市区町村の窓口で証明書を更新してください。',
    ),
    ERR_CARD_ADDRESS_MISMATCH: m(
      'カードの券面の住所と署名用電子証明書の住所が一致しません',
      '引っ越し後に証明書を更新していない可能性があります。市区町村の窓口で手続きしてください。',
    ),
    ERR_CARD_BIRTH_DATE_MISMATCH: m(
      'カードの券面の生年月日と証明書の生年月日が一致しません',
      '署名と券面情報の読み取りには同じカードを使ってください。',
    ),
    ERR_CARD_SEX_MISMATCH: m(
      'カードの券面の性別と証明書の性別が一致しません',
      '署名と券面情報の読み取りには同じカードを使ってください。',
    ),
    ERR_MY_NUMBER_CHECK_DIGIT: m('カードのマイナンバーを正しく読み取れませんでした', CARD_BROKEN),
    ERR_MY_NUMBER_NOT_REQUESTED: m('このお手続きではマイナンバーを提供しません', 'そのままお進みください。'),
    ERR_MY_NUMBER_GONE: m('マイナンバーの提供期限が過ぎました', START_OVER),
  },
  http: {
    ERR_VALIDATION: m('送信した内容を受け付けられませんでした', `${RETRY}${CONTACT}`),
    ERR_UNAUTHORIZED: m('このお手続きの画面はもう使えません', 'お申込み先の画面に戻ってください。'),
    ERR_FORBIDDEN_SCOPE: m('お申込み先はこのお手続きを利用できません', 'お申込み先にお問い合わせください。'),
    ERR_FORBIDDEN_ORIGIN: m('お申込み先のサイトが登録されたものと違います', 'このページで手続きを続けないでください。'),
    ERR_NOT_FOUND: m('お手続きが見つかりません', START_OVER),
    ERR_METHOD_NOT_ALLOWED: m('この操作はできません', START_OVER),
    ERR_CONFLICT: m('お手続きの状態が変わりました', RETRY),
    ERR_SESSION_NOT_PENDING: m('このお手続きはすでに終わっています', 'お申込み先の画面に戻って結果をご確認ください。'),
    ERR_SESSION_EXPIRED: m('お手続きの有効期限が切れました', START_OVER),
    ERR_REPLAY: m('この署名はすでに使われています', START_OVER),
    ERR_MY_NUMBER_GONE: m('マイナンバーの提供期限が過ぎました', START_OVER),
    ERR_IDEMPOTENCY_KEY_REUSED: m('同じ操作が重なりました', RETRY),
    ERR_IDEMPOTENCY_IN_PROGRESS: m('前の操作を処理中です', `少し待ってから${RETRY}`),
    ERR_PAYLOAD_TOO_LARGE: m('送信するデータが大きすぎます', CONTACT),
    ERR_UNSUPPORTED_MEDIA_TYPE: m('送信したデータの形式を受け付けられませんでした', CONTACT),
    ERR_RATE_LIMITED: m('操作が集中しています', `1分ほど待ってから${RETRY}`),
    ERR_TIMEOUT: m('処理に時間がかかっています', `時間をおいて${RETRY}`),
    ERR_NOT_IMPLEMENTED: m('この機能はまだ利用できません', 'お申込み先にお問い合わせください。'),
    ERR_UNAVAILABLE: m('ただいまサービスを利用できません', `時間をおいて${RETRY}`),
    ERR_INTERNAL: m('システムで問題が起きました', `時間をおいて${RETRY}${CONTACT}`),
  },
  card: {
    CARD_PIN_FORMAT: m(
      'パスワードの形式が違います（カードには送っていません）',
      '署名用のパスワードは英大文字と数字の6〜16桁、暗証番号は数字4桁です。',
    ),
    CARD_PIN_WRONG: m('パスワードが違います', '正しいパスワードを入力してください。間違え続けるとロックされます。'),
    CARD_PIN_LOCKED: m(
      'パスワードがロックされています',
      'お住まいの市区町村の窓口（またはコンビニのキオスク端末）でロックを解除・再設定してください。',
    ),
    CARD_SECURITY_NOT_SATISFIED: m(
      'パスワードの確認が済んでいません',
      'パスワードを入力してから、もう一度お試しください。',
    ),
    CARD_APPLICATION_NOT_FOUND: m(
      'このカードには電子証明書がありません',
      'マイナンバーカードか確認してください。証明書がない場合は市区町村の窓口で発行できます。',
    ),
    CARD_FILE_NOT_FOUND: m('カードに必要な情報がありません', '市区町村の窓口でカードの状態をご確認ください。'),
    CARD_DATA_MALFORMED: m('カードから正しく読み取れませんでした', CARD_BROKEN),
    CARD_UNEXPECTED_STATUS: m('カードが操作を受け付けませんでした', CARD_BROKEN),
    CARD_BRIDGE_UNAVAILABLE: m(
      'カードリーダーの接続アプリにつながりません',
      '接続アプリを起動し、このサイトの利用を許可してから選び直すか、スマートフォンでお手続きください。',
    ),
    CARD_READER_NOT_FOUND: m(
      'カードリーダーが見つかりません',
      'カードリーダーを接続し、読み取りアプリを起動してください。',
    ),
    CARD_NOT_PRESENT: m('カードが見つかりません', 'カードを読み取り機に置いて（スマートフォンにかざして）ください。'),
    CARD_TRANSPORT: m('カードリーダーとの通信に失敗しました', 'カードリーダーをつなぎ直して、もう一度お試しください。'),
    CARD_TIMEOUT: m('カードからの応答がありません', 'カードを置き直して、もう一度お試しください。'),
  },
  statusWords: {
    OK: m('カードの処理が完了しました', 'そのままお進みください。'),
    END_OF_FILE: m('カードの情報を最後まで読み取りました', 'そのままお進みください。'),
    VERIFY_FAILED: m('パスワードが違います', '正しいパスワードを入力してください。残り回数にご注意ください。'),
    WRONG_LENGTH: m('カードへの命令の長さが正しくありません', CARD_BROKEN),
    INCOMPATIBLE_FILE: m('カードの情報の種類が違います', CARD_BROKEN),
    SECURITY_STATUS_NOT_SATISFIED: m('パスワードの確認が済んでいません', 'パスワードを入力してください。'),
    AUTHENTICATION_BLOCKED: m('パスワードがロックされています', '市区町村の窓口でロックを解除・再設定してください。'),
    CONDITIONS_NOT_SATISFIED: m('カードがこの操作を受け付けませんでした', CARD_BROKEN),
    NO_CURRENT_EF: m('カードの情報が選ばれていません', CARD_BROKEN),
    FILE_NOT_FOUND: m('カードに必要な情報がありません', 'マイナンバーカードか確認してください。'),
    INCORRECT_P1P2: m('カードへの命令が正しくありません', CARD_BROKEN),
    WRONG_OFFSET: m('カードの情報の範囲外を読もうとしました', CARD_BROKEN),
    INS_NOT_SUPPORTED: m('カードがこの命令に対応していません', 'マイナンバーカードか確認してください。'),
    CLA_NOT_SUPPORTED: m('カードがこの命令に対応していません', 'マイナンバーカードか確認してください。'),
  },
  subIndications: {
    FORMAT_FAILURE: m('署名のデータの形式が正しくありません', `${START_OVER}${CONTACT}`),
    HASH_FAILURE: m('署名した内容が表示された内容と一致しません', START_OVER),
    SIG_CRYPTO_FAILURE: m('電子署名を確認できませんでした', START_OVER),
    REVOKED: m('署名用電子証明書が失効しています', '市区町村の窓口で署名用電子証明書を発行し直してください。'),
    REVOKED_NO_POE: m('署名用電子証明書が失効しています', '市区町村の窓口で署名用電子証明書を発行し直してください。'),
    EXPIRED: m('署名用電子証明書の有効期限が切れています', '市区町村の窓口で更新してください。'),
    NOT_YET_VALID: m('署名用電子証明書がまだ有効になっていません', `しばらくしてから${RETRY}`),
    NO_CERTIFICATE_CHAIN_FOUND: m(
      'このカードの証明書を確認できませんでした',
      'マイナンバーカードをお使いか確認してください。',
    ),
    CERTIFICATE_CHAIN_GENERAL_FAILURE: m('このカードの証明書を確認できませんでした', CONTACT),
    CHAIN_CONSTRAINTS_FAILURE: m('このカードの証明書を確認できませんでした', CONTACT),
    SIG_CONSTRAINTS_FAILURE: m(
      'この証明書は署名に使えません',
      '署名用電子証明書（英数字6〜16桁のパスワード）を使ってください。',
    ),
    CRYPTO_CONSTRAINTS_FAILURE: m('署名の方式が古いか弱いため受け付けられません', CONTACT),
    TRY_LATER: m('証明書が有効かどうかを今は確認できません', `時間をおいて${RETRY}`),
    NO_SIGNING_CERTIFICATE_FOUND: m('署名用電子証明書が見つかりません', START_OVER),
    SIGNED_DATA_NOT_FOUND: m('署名の対象が見つかりません', START_OVER),
  },
  widget: {
    network: m('通信できませんでした', 'インターネット接続を確認して、もう一度お試しください。'),
    origin_mismatch: m(
      'このページは、お手続きを始めたサイトではありません',
      'なりすましのおそれがあります。パスワードを入力せず、このページを閉じてください。',
    ),
    no_card: m('カードがありません', 'カードを用意してから、もう一度お試しください。'),
    qr_expired: m(
      'このQRコードは有効期限が切れています',
      'パソコンの画面に表示されている新しいQRコードを読み取ってください。',
    ),
    qr_claimed: m(
      'このQRコードはすでに別の端末で読み取られています',
      '心当たりがない場合は、お手続きをやめてお申込み先にお問い合わせください。',
    ),
    cancelled_by_user: m('お手続きを中止しました', 'お申込み先の画面に戻ってください。'),
    unknown: m('問題が起きました', `${RETRY}${CONTACT}`),
  },
};
