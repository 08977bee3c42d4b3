// Shared by the application's own pages (audit, insights): labels in English and Chinese, reading the JSON API,
// building elements from text. No external libraries.
'use strict';

const Pages = (() => {
  const labels = {
    channel: {
      instagram: 'Instagram', ebay: 'eBay', wechat: 'WeChat / 微信', email: 'Email / 邮件',
      phone: 'Phone / 电话', web: 'Web form / 网页表单'
    },
    tier: { T1: 'T1 Crisis / 危机', T2: 'T2 Important / 重要', T3: 'T3 General / 一般' },
    category: {
      safety: 'Safety / 安全', fraud: 'Fraud / 欺诈', quality: 'Product quality / 产品质量',
      shipping_delay: 'Shipping delay / 物流延迟', packaging_damage: 'Packaging damage / 包装破损',
      service_attitude: 'Service attitude / 服务态度', product_misunderstanding: 'Product misunderstanding / 产品误解',
      suggestion: 'Suggestion / 建议', other: 'Other / 其他'
    },
    status: { open: 'Open / 处理中', closed: 'Closed / 已结案' },
    reviewOutcome: {
      updated: 'Review updated / 已更新评价', declined: 'Declined / 客户拒绝', no_answer: 'No answer / 未回复'
    },
    compensation: {
      full_refund: 'Full refund / 全额退款', partial_refund: 'Partial refund / 部分退款',
      reshipment: 'Replacement sent again / 补发或换新', reshipment_gift: 'Replacement plus a small gift / 换新并赠送小礼品',
      full_refund_return_shipping: 'Full refund, return shipping paid by us / 全额退款并承担退货运费',
      coupon: 'Coupon for the next order / 下次购物优惠券', gift: 'Small gift / 小礼品',
      none: 'None / 无', declined: 'Customer wants no compensation / 客户不需要补偿'
    },
    clock: { first_response: 'First response / 首次响应', resolution: 'Resolution / 解决' },
    slaEvent: {
      started: 'Started / 开始', restarted: 'Restarted / 重新计时', stopped: 'Stopped / 停止',
      breached: 'Breached / 超时', second_breach: 'Breached again / 再次超时'
    },
    yesNo: { true: 'Yes / 是', false: 'No / 否' },
    evidenceState: {
      verified: 'Verified / 已验证', altered: 'Altered / 已被改动', unlinked: 'Unlinked / 链接断开',
      'after-break': 'After a break / 断链之后'
    },
    evidenceKind: {
      complaint: 'Complaint as received / 收到的投诉', inbound: 'Platform delivery / 平台推送',
      outbound: 'Message delivered / 已送达消息', order: 'Order and logistics / 订单与物流',
      conversation: 'Conversation / 对话记录'
    },
    retrospectiveCause: { systemic: 'Systemic / 系统性', individual: 'Individual / 个人' },
    rootCause: {
      quality: 'Product quality / 产品质量', logistics: 'Logistics / 物流', service_attitude: 'Service attitude / 服务态度',
      misunderstanding: 'Product misunderstanding / 产品误解', other: 'Other / 其他', unrecorded: 'Not recorded yet / 尚未记录'
    }
  };

  /** The bilingual label of a key, or the key itself when it has none. */
  function label(kind, key) {
    if (key === null || key === undefined || key === '') return '';
    const known = labels[kind] && labels[kind][String(key)];
    return known || String(key);
  }

  /** GET a JSON resource of the API; a problem answer (400, 404, 403) becomes an Error with its detail. */
  async function get(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const errors = body && body.errors ? body.errors.map(e => `${e.field}: ${e.message}`).join('; ') : '';
      throw new Error(errors || (body && body.detail) || `${response.status} ${response.statusText}`);
    }
    return body;
  }

  /** A table cell (or any element) with text, never HTML: case texts come from customers. */
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  /** An amount with its two decimals, as the case record keeps it. */
  function amount(value) {
    return value === null || value === undefined ? '' : Number(value).toFixed(2);
  }

  /** A duration in milliseconds in words: 850 ms, 12 s, 4 min 5 s, 3 h 20 min, 2 d 4 h. */
  function duration(ms) {
    if (ms === null || ms === undefined || ms === '') return '';
    const n = Number(ms);
    if (n < 1000) return `${n} ms`;
    const s = Math.floor(n / 1000);
    if (s < 60) return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${s % 60} s`;
    const h = Math.floor(m / 60);
    if (h < 24) return `${h} h ${m % 60} min`;
    return `${Math.floor(h / 24)} d ${h % 24} h`;
  }

  return { labels, label, get, el, amount, duration };
})();
