// The worked example from ../shared/domain/sanyo-onoda.records.json, copied verbatim so the
// tests need nothing outside the repository. Re-copy it when the shared example changes.

/// 山陽小野田市's records as the shared domain folder gives them.
let sanyoOnodaRecordsJSON = #"""
  {
    "format": "kpisheet-records",
    "version": 1,
    "municipality": {
      "name": "山陽小野田市",
      "prefecture": "山口県",
      "code": "352161"
    },
    "grant": "デジタル田園都市国家構想交付金（地方創生推進タイプ）",
    "projects": [
      {
        "no": 1,
        "name": "小野田ガラスのブランド化推進事業",
        "scope": "single",
        "period": {
          "start": 2020,
          "end": 2022
        },
        "overview": "本市の誇る「ガラスの文化」という地域資源を最大限に活用し、地域経済の活力増進を図るとともに、その魅力を市内外に発信していくため、市内のガラス作家の作品をブランド化する。また、ブランド化により売れる商品を作り出し、ビジネスとして確立させ、ガラス作家の所得向上を図ることにより本市への定着を図る。",
        "years": [
          {
            "fiscalYear": 2020,
            "activities": [
              "ガラスのブランド化に向けたあり方の検討",
              "ガラスの事業化に向けた２年間のブランディング計画策定"
            ]
          },
          {
            "fiscalYear": 2021,
            "activities": [
              "１年目の計画に沿ったブランドの構築",
              "ターゲットに向けた各種プロモーションの実施・ＰＲツール制作"
            ]
          },
          {
            "fiscalYear": 2022,
            "activities": [
              "ターゲットの拡大及び各種プロモーションの実施",
              "ECサイト・店舗での販売"
            ]
          }
        ],
        "kpis": [
          {
            "no": 1,
            "name": "ブランド化したガラス商品数",
            "unit": "個",
            "values": [
              {
                "fiscalYear": 2020,
                "target": null,
                "actual": null
              },
              {
                "fiscalYear": 2021,
                "target": 5,
                "actual": 33
              },
              {
                "fiscalYear": 2022,
                "target": 10,
                "actual": 170
              }
            ]
          },
          {
            "no": 2,
            "name": "ブランド化したガラス商品の販売額",
            "unit": "円",
            "values": [
              {
                "fiscalYear": 2020,
                "target": null,
                "actual": null
              },
              {
                "fiscalYear": 2021,
                "target": 10000000,
                "actual": 134280
              },
              {
                "fiscalYear": 2022,
                "target": 15000000,
                "actual": 10462414
              }
            ]
          },
          {
            "no": 3,
            "name": "きららガラス未来館の来客数",
            "unit": "人",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 12672,
                "actual": 8016
              },
              {
                "fiscalYear": 2021,
                "target": 13672,
                "actual": 13482
              },
              {
                "fiscalYear": 2022,
                "target": 15672,
                "actual": 12682
              }
            ]
          }
        ]
      },
      {
        "no": 2,
        "name": "ＰＰＰを活用した交流・にぎわい創出事業",
        "scope": "single",
        "period": {
          "start": 2020,
          "end": 2022
        },
        "overview": "スマイル（笑顔）の源となる心身の健康を保ちつつ、誰もが笑顔で年を重ねていくことできるよう「スマイルエイジング」に取り組むことで、社会保障関連経費の削減や地域コミュニティの活性化を図る。なお、民間と連携することでサービスの質向上や財政負担の軽減を目指しており、ＰＦＩなど、これまで取組が進んでいなかったＰＰＰ（官民連携）の手法も活用する。",
        "years": [
          {
            "fiscalYear": 2020,
            "activities": [
              "スマイルエイジング月間制定・市民啓発用パンフレット作成",
              "スマイルエイジング拠点創出事業（きらら交流館）基本計画策定及びＰＰＰ/ＰＦＩ導入可能性調査業務"
            ]
          },
          {
            "fiscalYear": 2021,
            "activities": [
              "スマイルエイジング月間制定",
              "スマイルエイジング拠点創出事業（きらら交流館）"
            ]
          },
          {
            "fiscalYear": 2022,
            "activities": [
              "スマイルエイジング月間制定",
              "スマイルエイジング拠点創出事業民間事業者の募集及び選定"
            ]
          }
        ],
        "kpis": [
          {
            "no": 1,
            "name": "スマイルエイジング月間の健康づくり実施箇所数",
            "unit": "件",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 50,
                "actual": 80
              },
              {
                "fiscalYear": 2021,
                "target": 60,
                "actual": 122
              },
              {
                "fiscalYear": 2022,
                "target": 70,
                "actual": 141
              }
            ]
          },
          {
            "no": 2,
            "name": "観光客数",
            "unit": "人",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 1092438,
                "actual": 739034
              },
              {
                "fiscalYear": 2021,
                "target": 1117438,
                "actual": 816325
              },
              {
                "fiscalYear": 2022,
                "target": 1149438,
                "actual": 571011
              }
            ]
          },
          {
            "no": 3,
            "name": "ＳＰＣ（特定目的会社）の設立",
            "unit": "事業体",
            "values": [
              {
                "fiscalYear": 2020,
                "target": null,
                "actual": null
              },
              {
                "fiscalYear": 2021,
                "target": null,
                "actual": null
              },
              {
                "fiscalYear": 2022,
                "target": 1,
                "actual": 1
              }
            ]
          }
        ]
      },
      {
        "no": 3,
        "name": "多世代・異分野地域交流による協創のまちづくり事業",
        "scope": "single",
        "period": {
          "start": 2020,
          "end": 2022
        },
        "overview": "「協創によるまちづくり」の観点から多様なまちづくりの担い手による市民活動の推進による地域コミュニティの活性化、産学官連携により新たな人の流れをつくる賑わいの創出、これまで進んでいなかった行政と民間が協働して事業を推進していくことによる地域産業の活性化を進める。これらの効果により、住み良さを享受でき、学生や若者が今後も住み続けたいと思えるまちを実現し、人口減少の抑制と地域経済の縮小に歯止めをかける。",
        "years": [
          {
            "fiscalYear": 2020,
            "activities": [
              "市民活動推進に向けたセミナーの開催等",
              "官民連携によるまちづくりの中心的役割を果たすまちづくり共同事業体の設立準備"
            ]
          },
          {
            "fiscalYear": 2021,
            "activities": [
              "市民活動推進に向けたセミナーの開催等",
              "官民連携によるまちづくりの中心的役割を果たすまちづくり共同事業体の設立準備"
            ]
          },
          {
            "fiscalYear": 2022,
            "activities": [
              "市民活動推進に向けたセミナーの開催等"
            ]
          }
        ],
        "kpis": [
          {
            "no": 1,
            "name": "20～39歳の社会動態数（住民基本台帳）",
            "unit": "人",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 0,
                "actual": -339
              },
              {
                "fiscalYear": 2021,
                "target": 0,
                "actual": -173
              },
              {
                "fiscalYear": 2022,
                "target": 0,
                "actual": -16
              }
            ]
          },
          {
            "no": 2,
            "name": "山口東京理科大学生の市内就職率",
            "unit": "%",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 10.0,
                "actual": 5.4
              },
              {
                "fiscalYear": 2021,
                "target": 10.0,
                "actual": 9.1
              },
              {
                "fiscalYear": 2022,
                "target": 10.0,
                "actual": 5.2
              }
            ]
          },
          {
            "no": 3,
            "name": "山陽小野田市にずっと住みたいと感じる市民の割合",
            "unit": "%",
            "values": [
              {
                "fiscalYear": 2020,
                "target": 80.0,
                "actual": 79.0
              },
              {
                "fiscalYear": 2021,
                "target": 80.0,
                "actual": 77.0
              },
              {
                "fiscalYear": 2022,
                "target": 80.0,
                "actual": null
              }
            ]
          }
        ]
      },
      {
        "no": 4,
        "name": "デジタルの活用によりやまぐちの魅力あるしごとに繋ぐ産業人材定着・還流推進事業",
        "scope": "wide-area",
        "period": {
          "start": 2021,
          "end": 2023
        },
        "overview": "若者や学生等に対して県内への定着・還流を実現するため、県内就職・進学の促進に向けた取組を実施する。具体的には、就職に至るまでの各段階に対応した情報発信や企業との出会い・交流機会の設定、インターンシップや企業説明会への参加支援を、デジタルも活用しながら一連の流れとして体系的に展開していく。",
        "years": [
          {
            "fiscalYear": 2021,
            "activities": [
              "若者等向け地元企業合同就職フェアや合同就職面接会の開催"
            ]
          },
          {
            "fiscalYear": 2022,
            "activities": [
              "若者等向け地元企業合同就職フェアや合同就職面接会の開催"
            ]
          },
          {
            "fiscalYear": 2023,
            "activities": [
              "若者等向け地元企業合同就職フェアや合同就職面接会の開催"
            ]
          }
        ],
        "kpis": []
      },
      {
        "no": 5,
        "name": "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト",
        "scope": "wide-area",
        "period": {
          "start": 2021,
          "end": 2023
        },
        "overview": "コロナ禍を通じて人々の意識の変化やデジタル化の進展などの社会の変化、新しい旅のスタイルにも対応しながら、既存の観光誘客に加え、新たなビジネス誘客を通じて、観光関連産業の成長促進を図り、雇用の創出につながる取組を展開し、交流人口の拡大を図り移住・定住へつなげていく。",
        "years": [
          {
            "fiscalYear": 2021,
            "activities": [
              "「ガラスアートフェス」の開催",
              "ゆめ散歩造成（恋すてふかるた等）",
              "日本のガラス展",
              "食イベント（夕陽を眺めながらサンセットディナー等）"
            ]
          },
          {
            "fiscalYear": 2022,
            "activities": [
              "スマイルゆめ散歩",
              "観光プロモーション（インスタグラムハッシュタグキャンペーン）"
            ]
          },
          {
            "fiscalYear": 2023,
            "activities": [
              "スマイルゆめ散歩",
              "観光プロモーション（インスタグラムハッシュタグキャンペーン）",
              "キッズサマーパス"
            ]
          }
        ],
        "kpis": []
      }
    ]
  }
  """#
