/** The demo pages' words (Japanese first, English switch). Obviously fake companies. */
export type DemoLang = 'ja' | 'en';
export type DemoName = 'securities' | 'bank';

export const DEMO_TEXT = {
  ja: {
    siteTitle: 'jpki-gateway サンドボックス デモ',
    intro:
      'マイナンバーカードの公的個人認証で、口座開設と契約書への電子署名を試せます。すべてテスト用の仮想カードで動き、本物の個人情報は使いません。',
    switchLang: 'English',
    securities: {
      name: '見本証券（Example Securities）',
      title: '証券口座を開設する',
      lead: 'マイナンバーカードで本人確認（犯収法の方法ワ）をして、マイナンバーの提供も受けます。',
      start: 'マイナンバーカードで口座開設を始める',
    },
    bank: {
      name: '見本銀行（Example Bank）',
      title: 'ローン契約書に電子署名する',
      lead: '実印と印紙の代わりに、マイナンバーカードの署名用電子証明書で契約書（PDF）に署名します。',
      start: '契約書に署名する',
    },
    cardTitle: '1. テスト用のマイナンバーカードを用意する',
    cardLead:
      'お好きな氏名・住所などで仮想カードを発行できます（空欄は見本の値）。パスワードは ABC123、暗証番号は 1234 です。',
    name: '氏名（姓と名の間は全角スペース）',
    address: '住所',
    birthDate: '生年月日',
    sex: '性別',
    sexes: { '': '（見本の値）', male: '男性', female: '女性', unknown: '不明' },
    myNumber: 'マイナンバー（12桁、任意）',
    issue: 'カードを発行する',
    cardIssued: '発行済みのカード:',
    noCard: 'まだカードがありません（ウィジェットの中でも発行できます）。',
    working: '処理しています…',
    revokeTitle: '引っ越しを試す（証明書の失効）',
    revokeLead:
      '住所が変わると署名用電子証明書は失効します。失効させてから手続きすると、失敗とその理由が表示されます。',
    revoke: 'このカードの証明書を失効させる',
    revoked: '失効しました',
    applyTitle: '2. 手続きする',
    fullPage: 'ページ全体で開く（戻り先URLつき）',
    event: 'ウィジェットからの通知:',
    resultTitle: '3. 依頼元（デモのサーバー）が API から受け取った結果',
    back: 'デモの一覧へ',
  },
  en: {
    siteTitle: 'jpki-gateway sandbox demo',
    intro:
      'Try opening an account and signing a contract with the My Number Card (JPKI). Everything runs on virtual sandbox cards; no real personal data is used.',
    switchLang: '日本語',
    securities: {
      name: 'Example Securities',
      title: 'Open a brokerage account',
      lead: 'Verify your identity with your My Number Card (AML method "wa") and share your My Number.',
      start: 'Open an account with my My Number Card',
    },
    bank: {
      name: 'Example Bank',
      title: 'Sign your loan contract',
      lead: 'Sign the contract (a PDF) with your signing certificate instead of a registered seal and revenue stamp.',
      start: 'Sign the contract',
    },
    cardTitle: '1. Get a sandbox My Number Card',
    cardLead: 'Issue a virtual card with any identity (blank fields use sample values). Password ABC123, PINs 1234.',
    name: 'Name (family and given name, separated by an ideographic space)',
    address: 'Address',
    birthDate: 'Date of birth',
    sex: 'Sex',
    sexes: { '': '(sample value)', male: 'Male', female: 'Female', unknown: 'Unknown' },
    myNumber: 'My Number (12 digits, optional)',
    issue: 'Issue the card',
    cardIssued: 'Your card:',
    noCard: 'No card yet (you can also issue one inside the widget).',
    working: 'Working…',
    revokeTitle: 'Try a move (certificate revocation)',
    revokeLead:
      'A change of address revokes the signing certificate. Revoke it, then try again to see the failure explained.',
    revoke: "Revoke this card's certificate",
    revoked: 'Revoked',
    applyTitle: '2. Apply',
    fullPage: 'Open as a full page (with a return URL)',
    event: 'Event from the widget:',
    resultTitle: '3. The result the company (the demo backend) read from the API',
    back: 'All demos',
  },
} as const;
